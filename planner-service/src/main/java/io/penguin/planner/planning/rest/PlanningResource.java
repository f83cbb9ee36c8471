package io.penguin.planner.planning.rest;

import io.penguin.contracts.PolicyPublished;
import io.penguin.planner.planning.persistence.PlanEntity;
import io.penguin.planner.planning.persistence.PlanRepository;
import io.penguin.planner.planning.service.PlanMapper;
import io.penguin.planning.PlanningReport;
import io.penguin.service.problem.NotFoundProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Progress, plans and report of a planning job, and the current policy of a scenario. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class PlanningResource {

    private final PlanRepository repository;

    public PlanningResource(PlanRepository repository) {
        this.repository = repository;
    }

    @GET
    @Path("plannings/{planningId}")
    public PlanningProgress progress(@PathParam("planningId") String planningId) {
        List<PlanEntity> plans = plans(planningId);
        int total = plans.stream().mapToInt(plan -> plan.total).max().orElse(0);
        Instant last = plans.stream()
                .map(plan -> plan.plannedAt)
                .max(Comparator.naturalOrder())
                .orElse(null);
        return new PlanningProgress(
                planningId, total, plans.size(), plans.size() >= total ? "COMPLETED" : "PLANNING", last);
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
                        plan.exhaustiveBest == null ? null : PlanMapper.split(plan.exhaustiveBest),
                        plan.exhaustiveReward,
                        plan.exhaustiveEvaluations,
                        plan.evaluations,
                        plan.iterations,
                        plan.stoppedEarly,
                        plan.budget,
                        plan.seed,
                        plan.millis,
                        plan.policyEventId,
                        plan.plannedAt))
                .toList();
    }

    /**
     * Per domain: the most frequent first, second and third attributes, the average path length, and where the
     * exhaustive search ran, the MCTS reward over the exhaustive best and the evaluations over the exhaustive ones.
     */
    @GET
    @Path("plannings/{planningId}/report")
    public PlanningReport report(@PathParam("planningId") String planningId) {
        return PlanningReport.of(
                plans(planningId).stream().map(PlanMapper::toOutcome).toList());
    }

    /** The scenario's current policy, as last published on {@code penguin.policies}. */
    @GET
    @Path("policies/{scenarioId}")
    public PolicyPublished policy(@PathParam("scenarioId") String scenarioId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> repository.current(scenarioId).map(PlanMapper::toPolicy))
                .orElseThrow(() -> new NotFoundProblem("no policy for scenario '" + scenarioId + "'"));
    }

    private List<PlanEntity> plans(String planningId) {
        List<PlanEntity> plans = QuarkusTransaction.requiringNew().call(() -> repository.byPlanning(planningId));
        if (plans.isEmpty()) {
            throw new NotFoundProblem("no plan of planning '" + planningId + "' yet");
        }
        return plans;
    }
}
