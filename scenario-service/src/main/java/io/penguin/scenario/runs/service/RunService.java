package io.penguin.scenario.runs.service;

import io.penguin.contracts.GenerationRequested;
import io.penguin.contracts.JudgementRecorded;
import io.penguin.contracts.WorkItemId;
import io.penguin.core.ConditionSpec;
import io.penguin.core.ProfileChecks;
import io.penguin.core.Scenario;
import io.penguin.models.ModelRegistry;
import io.penguin.scenario.catalog.persistence.ScenarioFilter;
import io.penguin.scenario.catalog.service.ScenarioCatalog;
import io.penguin.scenario.catalog.service.ScenarioFilters;
import io.penguin.scenario.catalog.service.Selection;
import io.penguin.scenario.runs.config.RunConfig;
import io.penguin.scenario.runs.messaging.WorkItemPublisher;
import io.penguin.scenario.runs.persistence.RunEntity;
import io.penguin.scenario.runs.persistence.RunRepository;
import io.penguin.scenario.runs.persistence.RunStatus;
import io.penguin.scenario.runs.persistence.WorkItemEntity;
import io.penguin.scenario.runs.persistence.WorkItemRepository;
import io.penguin.scenario.runs.persistence.WorkItemStatus;
import io.penguin.scenario.runs.rest.RunRequest;
import io.penguin.service.messaging.Acks;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Starts runs (stores then publishes one work item per scenario x condition x model), tracks their progress from
 * judgements and dead letters, and re-publishes what was lost or failed. Every update is idempotent per work item.
 * Items of the agent conditions ({@code agent}, {@code planner}) are published to agent-gateway, the rest to
 * generation-service ({@link WorkItemPublisher}); both come back as judgements the same way.
 */
@ApplicationScoped
public class RunService {

    /** Rows per transaction chunk when storing or re-publishing many work items. */
    private static final int CHUNK = 2_000;

    private final ScenarioCatalog catalog;
    private final RunRepository runs;
    private final WorkItemRepository items;
    private final WorkItemPublisher publisher;
    private final ModelRegistry models;
    private final RunConfig config;

    public RunService(
            ScenarioCatalog catalog,
            RunRepository runs,
            WorkItemRepository items,
            WorkItemPublisher publisher,
            ModelRegistry models,
            RunConfig config) {
        this.catalog = catalog;
        this.runs = runs;
        this.items = items;
        this.publisher = publisher;
        this.models = models;
        this.config = config;
    }

    /**
     * The most entries a list field of a request may hold: a selection is a query with one parameter per id, and
     * PostgreSQL takes at most 65,535 of them; larger sets belong in a filter (domains, issues, split, source).
     */
    public static final int MAX_LISTED = 10_000;

    /** Validates a request; every problem is reported with the field it concerns. */
    public RunPlan plan(RunRequest request) {
        RunRequest r = request == null ? RunRequest.empty() : request;
        requireEntries("models", r.models());
        requireEntries("conditions", r.conditions());
        requireEntries("panelJudges", r.panelJudges());
        requireEntries("scenarioIds", r.scenarioIds());
        requireEntries("domains", r.domains());
        requireEntries("issues", r.issues());
        List<String> targetModels =
                distinct(r.models() == null || r.models().isEmpty() ? config.defaultModels() : r.models());
        for (String model : targetModels) {
            if (!models.hasTarget(model)) {
                throw new IllegalArgumentException("models: no target model named '" + model + "' is configured");
            }
        }
        List<ConditionSpec> conditions = distinct(
                        r.conditions() == null || r.conditions().isEmpty()
                                ? config.defaultConditions()
                                : r.conditions())
                .stream()
                .map(RunService::condition)
                .distinct()
                .toList();
        String judge = r.judgeModel() == null || r.judgeModel().isBlank()
                ? models.boundTo("judge", ModelRegistry.REFERENCE_JUDGE)
                : r.judgeModel().trim();
        if (!models.hasJudge(judge)) {
            throw new IllegalArgumentException("judgeModel: no judge model named '" + judge + "' is configured");
        }
        requireModelJudge(targetModels, judge, Boolean.TRUE.equals(r.allowReferenceJudge()));
        List<String> panel = r.panelJudges() == null
                ? List.of()
                : distinct(r.panelJudges()).stream()
                        .filter(name -> !name.equals(judge))
                        .toList();
        for (String name : panel) {
            if (!models.hasJudge(name)) {
                throw new IllegalArgumentException("panelJudges: no judge model named '" + name + "' is configured");
            }
        }
        ScenarioFilter filter = ScenarioFilters.parse(
                ScenarioFilters.RUN_REQUEST,
                r.domains(),
                null,
                r.issues(),
                r.split(),
                r.source() == null || r.source().isBlank() ? config.defaultSource() : r.source());
        long seed = r.seed() == null ? 0L : r.seed();
        List<Scenario> scenarios = catalog.select(new Selection(r.scenarioIds(), filter, r.sample(), seed, r.limit()));
        requireCatalogProfiles(scenarios);
        int best3Sample = r.best3Sample() == null ? config.best3Sample() : r.best3Sample();
        if (best3Sample < 1) {
            throw new IllegalArgumentException("best3Sample must be at least 1, was " + best3Sample);
        }
        return new RunPlan(
                targetModels, conditions, judge, panel, scenarios, seed, sample(scenarios, best3Sample, seed));
    }

    /**
     * Every work item's event holds its profile to the catalog's rules; a scenario stored under older, looser rules
     * (a free-text Age) is refused here, before anything is stored, rather than failing the run's publishing.
     */
    private static void requireCatalogProfiles(List<Scenario> scenarios) {
        for (Scenario scenario : scenarios) {
            List<ProfileChecks.Problem> problems = ProfileChecks.problems(scenario.profile());
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("scenario '" + scenario.id() + "' breaks the catalog's profile"
                        + " rules ("
                        + String.join(
                                "; ",
                                problems.stream()
                                        .map(ProfileChecks.Problem::toString)
                                        .toList())
                        + "); import it again to run it");
            }
        }
    }

    /** Every entry of a list field present and non-blank, and not more of them than a selection can take. */
    private static void requireEntries(String field, List<String> values) {
        if (values == null) {
            return;
        }
        if (values.size() > MAX_LISTED) {
            throw new IllegalArgumentException(field + ": at most " + MAX_LISTED + " entries, was " + values.size()
                    + "; select larger sets with domains, issues, split or source");
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null || values.get(i).isBlank()) {
                throw new IllegalArgumentException(field + "[" + i + "]: must be a non-empty string");
            }
        }
    }

    /**
     * An LLM target scored by the rule-based judge measures the wrong thing: that judge rewards the reference
     * responder's own vocabulary. Such a run needs the caller to say so.
     */
    private void requireModelJudge(List<String> targetModels, String judge, boolean allowReferenceJudge) {
        if (allowReferenceJudge || !models.judge(judge).reference()) {
            return;
        }
        targetModels.stream()
                .filter(model -> !models.target(model).reference())
                .findFirst()
                .ifPresent(model -> {
                    throw new IllegalArgumentException("judgeModel: target '" + model + "' is a model endpoint but"
                            + " the judge '" + judge + "' is the rule-based reference judge, which rewards the"
                            + " reference responder's vocabulary rather than safety; name an LLM judge with"
                            + " judgeModel (one of the endpoints under penguin.models.endpoints), or send"
                            + " \"allowReferenceJudge\": true to accept rule-based scores");
                });
    }

    private static ConditionSpec condition(String id) {
        try {
            return ConditionSpec.parse(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("conditions: " + e.getMessage(), e);
        }
    }

    /** A seeded sample of scenario ids (all of them when the selection is small enough). */
    private static Set<String> sample(List<Scenario> scenarios, int size, long seed) {
        List<String> ids = new ArrayList<>(scenarios.stream().map(Scenario::id).toList());
        if (ids.size() <= size) {
            return Set.copyOf(ids);
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = ids.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String swap = ids.get(i);
            ids.set(i, ids.get(j));
            ids.set(j, swap);
        }
        return Set.copyOf(ids.subList(0, size));
    }

    /** Stores the run and its work items, then publishes the items; the run is RUNNING once the broker has them. */
    public RunEntity start(RunPlan plan) {
        String runId = "run-" + UUID.randomUUID();
        List<RunPlan.Item> planned = plan.items();
        RunEntity run = QuarkusTransaction.requiringNew().call(() -> {
            RunEntity entity = new RunEntity();
            entity.id = runId;
            entity.models = plan.models();
            entity.conditions =
                    plan.conditions().stream().map(ConditionSpec::id).toList();
            entity.judgeModel = plan.judgeModel();
            entity.panelJudges = plan.panelJudges();
            entity.seed = plan.seed();
            entity.status = RunStatus.PUBLISHING;
            entity.totalItems = planned.size();
            entity.createdAt = Instant.now();
            runs.persist(entity);
            return entity;
        });
        long started = System.nanoTime();
        for (int from = 0; from < planned.size(); from += CHUNK) {
            List<RunPlan.Item> chunk = planned.subList(from, Math.min(planned.size(), from + CHUNK));
            QuarkusTransaction.requiringNew()
                    .run(() -> items.insertPending(
                            runId,
                            chunk.stream()
                                    .map(item -> new WorkItemId(
                                            runId,
                                            item.scenario().id(),
                                            item.condition().id(),
                                            item.model()))
                                    .toList(),
                            chunk.stream()
                                    .map(item -> item.scenario().domain().label())
                                    .toList()));
        }
        long stored = System.nanoTime();
        List<GenerationRequested> workItems = planned.stream()
                .map(item -> GenerationRequested.of(
                        new WorkItemId(
                                runId, item.scenario().id(), item.condition().id(), item.model()),
                        plan.judgeModel(),
                        plan.panelJudges(),
                        item.scenario()))
                .toList();
        run.status = publish(runId, workItems);
        Log.infof(
                "run %s: %d work items stored in %d ms, published in %d ms, status %s",
                runId,
                workItems.size(),
                (stored - started) / 1_000_000,
                (System.nanoTime() - stored) / 1_000_000,
                run.status);
        return run;
    }

    private RunStatus publish(String runId, List<GenerationRequested> workItems) {
        RunStatus status = Acks.published(
                        "run " + runId + ": publishing work items",
                        () -> publisher.publishAll(workItems, config.publishTimeout()))
                ? RunStatus.RUNNING
                : RunStatus.PUBLISH_FAILED;
        QuarkusTransaction.requiringNew().run(() -> {
            runs.lockForProgress(List.of(runId));
            runs.update(
                    "status = ?1 where id = ?2 and status in ?3",
                    status,
                    runId,
                    List.of(RunStatus.PUBLISHING, RunStatus.PUBLISH_FAILED, RunStatus.COMPLETED));
            runs.completeIfDone(runId);
        });
        return status;
    }

    /**
     * Records a batch of judgements against their work items, in one transaction. Idempotent: a second judgement of
     * the same item changes nothing; a judgement turns a FAILED item JUDGED (it did get judged after all). Only the
     * run's own judge moves progress; panel judges and unknown items are ignored.
     */
    public int recordJudgements(List<JudgementRecorded> judgements) {
        if (judgements.isEmpty()) {
            return 0;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Set<String> runIds = new HashSet<>();
            judgements.forEach(judgement -> runIds.add(judgement.item().runId()));
            Map<String, String> judgeOfRun = new HashMap<>();
            runs.lockForProgress(runIds).forEach(run -> judgeOfRun.put(run.id, run.judgeModel));
            List<JudgementRecorded> counted = judgements.stream()
                    .filter(judgement -> judgement
                            .judgeModel()
                            .equals(judgeOfRun.get(judgement.item().runId())))
                    .toList();
            int updated = items.markJudged(counted);
            judgeOfRun.keySet().forEach(runId -> {
                if (runs.completeIfDone(runId)) {
                    Log.infof("run %s completed", runId);
                }
            });
            return updated;
        });
    }

    /** Records that a work item was dead-lettered at a stage; a judged item stays judged. */
    public boolean recordFailure(WorkItemId item, String stage, String reason) {
        return QuarkusTransaction.requiringNew().call(() -> {
            runs.lockForProgress(List.of(item.runId()));
            boolean changed = items.markFailed(item, stage, reason);
            if (changed && runs.completeIfDone(item.runId())) {
                Log.infof("run %s completed with failed items", item.runId());
            }
            return changed;
        });
    }

    /** Publishes a run's FAILED items again (attempts + 1); returns how many. */
    public int redrive(String runId) {
        RunEntity run = require(runId);
        List<WorkItemEntity> failed = QuarkusTransaction.requiringNew().call(() -> {
            List<WorkItemEntity> found = items.list("runId = ?1 and status = ?2", runId, WorkItemStatus.FAILED);
            items.update(
                    "status = ?1, failureReason = null, failedStage = null, attempts = attempts + 1, updatedAt = ?2"
                            + " where runId = ?3 and status = ?4",
                    WorkItemStatus.PENDING,
                    Instant.now(),
                    runId,
                    WorkItemStatus.FAILED);
            runs.update("status = ?1, completedAt = null where id = ?2", RunStatus.PUBLISHING, runId);
            return found;
        });
        Log.infof("run %s: re-driving %d failed work items", runId, failed.size());
        republish(run, failed);
        return failed.size();
    }

    /**
     * Publishes every PENDING item of a run again: after a crash between storing and publishing, or when records were
     * lost. Duplicates are harmless (the judge and this service dedupe by work-item identity). Returns how many.
     */
    public int resume(String runId) {
        RunEntity run = require(runId);
        List<WorkItemEntity> pending = QuarkusTransaction.requiringNew()
                .call(() -> items.list("runId = ?1 and status = ?2", runId, WorkItemStatus.PENDING));
        republish(run, pending);
        return pending.size();
    }

    /** Runs left PUBLISHING by a crash: their items are stored but maybe not published. */
    public List<String> interruptedRuns() {
        return QuarkusTransaction.requiringNew()
                .call(() -> runs.list("status", RunStatus.PUBLISHING).stream()
                        .map(run -> run.id)
                        .toList());
    }

    private void republish(RunEntity run, List<WorkItemEntity> stored) {
        List<GenerationRequested> workItems = new ArrayList<>(stored.size());
        for (int from = 0; from < stored.size(); from += CHUNK) {
            List<WorkItemEntity> chunk = stored.subList(from, Math.min(stored.size(), from + CHUNK));
            Map<String, Scenario> scenarios = new HashMap<>();
            catalog.select(new Selection(
                            chunk.stream()
                                    .map(item -> item.scenarioId)
                                    .distinct()
                                    .toList(),
                            null,
                            null,
                            0,
                            null))
                    .forEach(scenario -> scenarios.put(scenario.id(), scenario));
            for (WorkItemEntity item : chunk) {
                workItems.add(GenerationRequested.of(
                        new WorkItemId(item.runId, item.scenarioId, item.condition, item.model),
                        run.judgeModel,
                        run.panelJudges,
                        scenarios.get(item.scenarioId)));
            }
        }
        publish(run.id, workItems);
    }

    private RunEntity require(String runId) {
        RunEntity run = QuarkusTransaction.requiringNew().call(() -> runs.findById(runId));
        if (run == null) {
            throw new io.penguin.service.problem.NotFoundProblem("no run with id '" + runId + "'");
        }
        return run;
    }

    private static List<String> distinct(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values.stream().map(String::trim).toList()));
    }
}
