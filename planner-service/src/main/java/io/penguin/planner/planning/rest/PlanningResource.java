package io.penguin.planner.planning.rest;

import io.penguin.contracts.PolicyPublished;
import io.penguin.models.ModelRegistry;
import io.penguin.planner.planning.persistence.PlanEntity;
import io.penguin.planner.planning.persistence.PlanRepository;
import io.penguin.planner.planning.persistence.PlanningFailureEntity;
import io.penguin.planner.planning.persistence.PlanningFailureRepository;
import io.penguin.planner.planning.service.PlanMapper;
import io.penguin.planning.PlanningReport;
import io.penguin.planning.RewardModels;
import io.penguin.service.problem.NotFoundProblem;
import io.penguin.service.problem.OwnerAccess;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Progress, plans, failures and report of a planning job, and the current policy of a scenario. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class PlanningResource {

    private final PlanRepository repository;
    private final PlanningFailureRepository failures;
    private final ModelRegistry models;
    private final OwnerAccess owner;

    public PlanningResource(
            PlanRepository repository, PlanningFailureRepository failures, ModelRegistry models, OwnerAccess owner) {
        this.repository = repository;
        this.failures = failures;
        this.models = models;
        this.owner = owner;
    }

    /** Planned, failed and pending scenarios; 404 until the first request of the job was planned or failed. */
    @GET
    @Path("plannings/{planningId}")
    public PlanningProgress progress(@PathParam("planningId") String planningId) {
        List<PlanEntity> plans = QuarkusTransaction.requiringNew().call(() -> repository.byPlanning(planningId));
        List<PlanningFailureEntity> failed = failuresOf(planningId);
        if (plans.isEmpty() && failed.isEmpty()) {
            throw new NotFoundProblem("no plan of planning '" + planningId + "' yet");
        }
        int total = IntStream.concat(
                        plans.stream().mapToInt(plan -> plan.total),
                        failed.stream().mapToInt(failure -> failure.total))
                .max()
                .orElse(0);
        Instant last = plans.stream()
                .map(plan -> plan.plannedAt)
                .max(Comparator.naturalOrder())
                .orElse(null);
        return PlanningProgress.of(planningId, total, plans.size(), failed.size(), last);
    }

    /** The job's dead-lettered requests with their reasons, by scenario id; empty when none failed. */
    @GET
    @Path("plannings/{planningId}/failures")
    public List<PlanningFailureView> failedRequests(@PathParam("planningId") String planningId) {
        return failuresOf(planningId).stream()
                .map(failure -> new PlanningFailureView(failure.scenarioId, failure.reason, failure.failedAt))
                .toList();
    }

    @GET
    @Path("plannings/{planningId}/plans")
    public List<PlanView> plansOf(@PathParam("planningId") String planningId) {
        return plans(planningId).stream()
                .map(plan -> new PlanView(
                        plan.scenarioId,
                        plan.domain,
                        plan.split,
                        PlanMapper.split(plan.path),
                        plan.reward,
                        rewardModels(plan),
                        plan.exhaustiveBest == null ? null : PlanMapper.split(plan.exhaustiveBest),
                        plan.exhaustiveReward,
                        plan.exhaustiveEvaluations,
                        plan.evaluations,
                        plan.iterations,
                        plan.stoppedEarly,
                        plan.budget,
                        plan.seed,
                        plan.millis,
                        PlanMapper.usage(plan),
                        plan.policyEventId,
                        plan.plannedAt))
                .toList();
    }

    /**
     * Per domain: the most frequent first, second and third attributes, the average path length, and where the
     * exhaustive search ran, the MCTS reward over the exhaustive best and the evaluations over the exhaustive ones.
     * Names the target and judge behind the rewards, with a note when they are rule-based reference models, and what
     * their calls cost per role ({@code planner-target}, {@code planner-judge}) over the job's plans.
     */
    @GET
    @Path("plannings/{planningId}/report")
    public PlanningReport report(@PathParam("planningId") String planningId) {
        List<PlanEntity> plans = plans(planningId);
        return PlanningReport.of(
                plans.stream().map(PlanMapper::toOutcome).toList(),
                plans.stream().map(this::rewardModels).distinct().toList(),
                plans.stream().flatMap(plan -> PlanMapper.usage(plan).stream()).toList());
    }

    /**
     * The scenario's current policy, as last published on {@code penguin.policies}. It carries the scenario's query
     * text, so it is for the catalog owner only, by the catalog's own rule ({@link OwnerAccess}).
     */
    @GET
    @Path("policies/{scenarioId}")
    public PolicyPublished policy(@PathParam("scenarioId") String scenarioId, @Context HttpServerRequest request) {
        owner.requireOwner(request, "a scenario's policy (it holds the query text)");
        return QuarkusTransaction.requiringNew()
                .call(() -> repository.current(scenarioId).map(PlanMapper::toPolicy))
                .orElseThrow(() -> new NotFoundProblem("no policy for scenario '" + scenarioId + "'"));
    }

    /** The plan's models, flagged rule-based or not by this planner's registry (null when no longer configured). */
    private RewardModels rewardModels(PlanEntity plan) {
        return new RewardModels(
                plan.targetModel,
                models.hasTarget(plan.targetModel)
                        ? models.target(plan.targetModel).reference()
                        : null,
                plan.judgeModel,
                models.hasJudge(plan.judgeModel) ? models.judge(plan.judgeModel).reference() : null);
    }

    private List<PlanningFailureEntity> failuresOf(String planningId) {
        return QuarkusTransaction.requiringNew().call(() -> failures.byPlanning(planningId));
    }

    private List<PlanEntity> plans(String planningId) {
        List<PlanEntity> plans = QuarkusTransaction.requiringNew().call(() -> repository.byPlanning(planningId));
        if (plans.isEmpty()) {
            throw new NotFoundProblem("no plan of planning '" + planningId + "' yet");
        }
        return plans;
    }
}
