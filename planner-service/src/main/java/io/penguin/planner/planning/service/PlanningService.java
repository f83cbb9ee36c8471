package io.penguin.planner.planning.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.penguin.contracts.PlanningRequested;
import io.penguin.contracts.PlanningSettings;
import io.penguin.contracts.PolicyPublished;
import io.penguin.core.Scenario;
import io.penguin.models.ModelRegistry;
import io.penguin.planner.planning.config.PlannerConfig;
import io.penguin.planner.planning.persistence.PlanEntity;
import io.penguin.planner.planning.persistence.PlanRepository;
import io.penguin.planner.planning.persistence.PlanningFailureRepository;
import io.penguin.planning.ExhaustiveResult;
import io.penguin.planning.ExhaustiveSearch;
import io.penguin.planning.MctsPlanner;
import io.penguin.planning.MemoizedReward;
import io.penguin.planning.ModelReward;
import io.penguin.planning.SearchResult;
import io.penguin.planning.SearchSettings;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Plans each (planning job, scenario) once. A redelivered request finds its stored plan and re-publishes the
 * scenario's CURRENT policy (its latest plan, same event id), so redelivery neither plans twice nor lets an older plan
 * overwrite a newer one on the compacted topic. Planning a scenario again in a new job replaces its policy.
 */
@ApplicationScoped
public class PlanningService {

    private final PlanRepository repository;
    private final PlanningFailureRepository failures;
    private final ModelRegistry models;
    private final PlannerConfig config;
    private final MeterRegistry meters;
    private final MctsPlanner planner = new MctsPlanner();

    public PlanningService(
            PlanRepository repository,
            PlanningFailureRepository failures,
            ModelRegistry models,
            PlannerConfig config,
            MeterRegistry meters) {
        this.repository = repository;
        this.failures = failures;
        this.models = models;
        this.config = config;
        this.meters = meters;
    }

    public PolicyPublished planOnce(PlanningRequested request) {
        Scenario scenario = request.scenario();
        Optional<PolicyPublished> stored = QuarkusTransaction.requiringNew()
                .call(() -> repository
                        .findByIdentity(request.planningId(), scenario.id())
                        .flatMap(plan -> repository.current(scenario.id()))
                        .map(PlanMapper::toPolicy));
        if (stored.isPresent()) {
            meters.counter("penguin.plans", "outcome", "duplicate").increment();
            Log.debugf(
                    "duplicate planning request for %s/%s: re-publishing the current policy",
                    request.planningId(), scenario.id());
            return stored.get();
        }
        PlanEntity plan = plan(request);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                repository.persist(plan);
                // A request that failed before and was re-driven is planned now: it is no longer a failure.
                failures.forget(plan.planningId, plan.scenarioId);
            });
        } catch (PersistenceException e) {
            // A concurrent delivery of the same request stored its plan first: publish the current policy instead.
            return QuarkusTransaction.requiringNew()
                    .call(() -> repository.current(scenario.id()).map(PlanMapper::toPolicy))
                    .orElseThrow(() -> e);
        }
        meters.counter("penguin.plans", "outcome", "done").increment();
        Log.infof(
                "planned %s/%s: %d attributes, reward %.2f, %d evaluations in %d ms",
                plan.planningId, plan.scenarioId, plan.pathLength, plan.reward, plan.evaluations, plan.millis);
        return PlanMapper.toPolicy(plan);
    }

    /** The search itself; runs outside any transaction, since model calls may be slow. */
    private PlanEntity plan(PlanningRequested request) {
        PlanningSettings settings = request.settings();
        Scenario scenario = request.scenario();
        long started = System.nanoTime();
        ModelReward calls =
                new ModelReward(scenario, models.target(settings.targetModel()), models.judge(settings.judgeModel()));
        // Each plan has its own evaluation threads: several plans are searched at once (PlanningRequestConsumer's
        // window), and one plan's batch must not wait behind another's.
        ExecutorService evaluations = Executors.newFixedThreadPool(config.evaluationConcurrency(), runnable -> {
            Thread thread = new Thread(runnable, "planner-evaluation");
            thread.setDaemon(true);
            return thread;
        });
        try {
            return plan(request, calls, new MemoizedReward(calls, evaluations), started);
        } finally {
            evaluations.shutdownNow();
        }
    }

    private PlanEntity plan(PlanningRequested request, ModelReward calls, MemoizedReward reward, long started) {
        PlanningSettings settings = request.settings();
        Scenario scenario = request.scenario();
        SearchSettings search = new SearchSettings(
                settings.budget(),
                settings.rollouts(),
                settings.exploration(),
                settings.seed(),
                config.patience(),
                config.batch());
        SearchResult result = planner.plan(reward, search);
        // The exhaustive search shares the memo (no set is evaluated twice); its count is what it costs on its own.
        ExhaustiveResult exhaustive = settings.exhaustive() ? ExhaustiveSearch.best(reward, settings.budget()) : null;
        PlanEntity plan = new PlanEntity();
        plan.planningId = request.planningId();
        plan.scenarioId = scenario.id();
        plan.total = request.total();
        plan.domain = scenario.domain().label();
        plan.split = request.split();
        plan.query = scenario.query();
        plan.path = PlanMapper.join(result.path());
        plan.pathLength = result.path().size();
        plan.reward = result.reward();
        plan.exhaustiveBest = exhaustive == null ? null : PlanMapper.join(exhaustive.best());
        plan.exhaustiveReward = exhaustive == null ? null : exhaustive.reward();
        plan.exhaustiveEvaluations = exhaustive == null ? null : exhaustive.evaluations();
        plan.evaluations = result.evaluations();
        plan.iterations = result.iterations();
        plan.stoppedEarly = result.stoppedEarly();
        plan.budget = settings.budget();
        plan.rollouts = settings.rollouts();
        plan.exploration = settings.exploration();
        plan.seed = settings.seed();
        plan.targetModel = settings.targetModel();
        plan.judgeModel = settings.judgeModel();
        plan.millis = (System.nanoTime() - started) / 1_000_000;
        PlanMapper.recordUsage(plan, calls.usage());
        plan.policyEventId = UUID.randomUUID();
        plan.plannedAt = Instant.now();
        return plan;
    }
}
