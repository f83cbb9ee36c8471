package io.penguin.scenario.runs.service;

import io.penguin.contracts.GenerationRequested;
import io.penguin.contracts.JudgementRecorded;
import io.penguin.contracts.WorkItemId;
import io.penguin.core.Condition;
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
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** Starts runs (stores then publishes one work item per scenario x condition x model) and tracks their progress. */
@ApplicationScoped
public class RunService {

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

    /** Validates a request; every problem is reported with the field it concerns. */
    public RunPlan plan(RunRequest request) {
        RunRequest r = request == null ? RunRequest.empty() : request;
        List<String> targetModels =
                distinct(r.models() == null || r.models().isEmpty() ? config.defaultModels() : r.models());
        for (String model : targetModels) {
            if (!models.hasTarget(model)) {
                throw new IllegalArgumentException("models: no target model named '" + model + "' is configured");
            }
        }
        List<Condition> conditions = distinct(
                        r.conditions() == null || r.conditions().isEmpty()
                                ? config.defaultConditions()
                                : r.conditions())
                .stream()
                .map(id -> {
                    try {
                        return Condition.parse(id);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("conditions: " + e.getMessage(), e);
                    }
                })
                .toList();
        String judge = r.judgeModel() == null || r.judgeModel().isBlank() ? config.defaultJudgeModel() : r.judgeModel();
        if (!models.hasJudge(judge)) {
            throw new IllegalArgumentException("judgeModel: no judge model named '" + judge + "' is configured");
        }
        ScenarioFilter filter = ScenarioFilters.parse(
                ScenarioFilters.RUN_REQUEST,
                r.domains(),
                null,
                r.issues(),
                r.split(),
                r.source() == null || r.source().isBlank() ? config.defaultSource() : r.source());
        List<Scenario> scenarios = catalog.select(
                new Selection(r.scenarioIds(), filter, r.sample(), r.seed() == null ? 0L : r.seed(), r.limit()));
        return new RunPlan(targetModels, conditions, judge, scenarios);
    }

    /** Stores the run and its work items in one transaction, then publishes the items. */
    public RunEntity start(RunPlan plan) {
        String runId = "run-" + UUID.randomUUID();
        List<GenerationRequested> workItems = new ArrayList<>(plan.workItems());
        RunEntity run = QuarkusTransaction.requiringNew().call(() -> {
            RunEntity entity = new RunEntity();
            entity.id = runId;
            entity.models = plan.models();
            entity.conditions = plan.conditions().stream().map(Condition::id).toList();
            entity.judgeModel = plan.judgeModel();
            entity.status = RunStatus.PUBLISHING;
            entity.totalItems = plan.workItems();
            entity.createdAt = Instant.now();
            runs.persist(entity);
            for (Scenario scenario : plan.scenarios()) {
                for (Condition condition : plan.conditions()) {
                    for (String model : plan.models()) {
                        WorkItemId id = new WorkItemId(runId, scenario.id(), condition.id(), model);
                        items.persist(pending(id, scenario));
                        workItems.add(GenerationRequested.of(id, plan.judgeModel(), scenario));
                    }
                }
            }
            return entity;
        });
        RunStatus status = publish(runId, workItems);
        run.status = status;
        Log.infof("run %s: %d work items, status %s", runId, workItems.size(), status);
        return run;
    }

    private RunStatus publish(String runId, List<GenerationRequested> workItems) {
        RunStatus status = RunStatus.RUNNING;
        try {
            publisher.publishAll(workItems, config.publishTimeout());
        } catch (RuntimeException e) {
            Log.errorf("run %s: publishing work items failed: %s", runId, e.getMessage());
            status = RunStatus.PUBLISH_FAILED;
        }
        RunStatus reached = status;
        QuarkusTransaction.requiringNew().run(() -> {
            runs.update("status = ?1 where id = ?2 and status = ?3", reached, runId, RunStatus.PUBLISHING);
            runs.completeIfDone(runId);
        });
        return status;
    }

    private static WorkItemEntity pending(WorkItemId id, Scenario scenario) {
        WorkItemEntity item = new WorkItemEntity();
        item.runId = id.runId();
        item.scenarioId = id.scenarioId();
        item.condition = id.condition();
        item.model = id.model();
        item.domain = scenario.domain().label();
        item.status = WorkItemStatus.PENDING;
        item.updatedAt = Instant.now();
        return item;
    }

    /**
     * Records a judgement against its work item. Idempotent: a second judgement of the same item changes nothing. A
     * judgement for an item this service does not know is ignored.
     */
    public void recordJudgement(JudgementRecorded judgement) {
        QuarkusTransaction.requiringNew().run(() -> {
            WorkItemEntity item = items.findByIdentity(judgement.item()).orElse(null);
            if (item == null) {
                Log.debugf("judgement for unknown work item %s ignored", judgement.item());
                return;
            }
            if (item.status == WorkItemStatus.JUDGED) {
                return;
            }
            item.status = WorkItemStatus.JUDGED;
            item.safetyScore = judgement.safetyScore();
            item.judgementEventId = judgement.eventId();
            item.updatedAt = Instant.now();
            items.flush();
            if (runs.completeIfDone(item.runId)) {
                Log.infof("run %s completed", item.runId);
            }
        });
    }

    private static List<String> distinct(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values.stream().map(String::trim).toList()));
    }
}
