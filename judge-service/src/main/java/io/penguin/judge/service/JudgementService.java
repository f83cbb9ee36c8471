package io.penguin.judge.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.penguin.contracts.JudgementRecorded;
import io.penguin.contracts.ResponseGenerated;
import io.penguin.contracts.WorkItemId;
import io.penguin.judge.config.JudgeConfig;
import io.penguin.judge.persistence.JudgementEntity;
import io.penguin.judge.persistence.JudgementRepository;
import io.penguin.models.JudgeModel;
import io.penguin.models.JudgeRequest;
import io.penguin.models.ModelRegistry;
import io.penguin.models.Verdict;
import io.penguin.service.logging.WorkItemLogContext;
import io.penguin.service.messaging.ParallelWork;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges each (work item, judge) once, a batch at a time: what is already stored is looked up in one query and
 * re-published unchanged (same event id), so a crash between storing and publishing heals and downstream dedupes by
 * identity; what is missing is judged concurrently, then stored in one transaction.
 */
@ApplicationScoped
public class JudgementService {

    /** One judge's judgement of one work item: the unit that is stored at most once. */
    record Task(WorkItemId item, String judge) {}

    private final JudgementRepository repository;
    private final ModelRegistry models;
    private final MeterRegistry meters;
    private final ParallelWork work;

    public JudgementService(
            JudgementRepository repository, ModelRegistry models, MeterRegistry meters, JudgeConfig config) {
        this.repository = repository;
        this.models = models;
        this.meters = meters;
        this.work = new ParallelWork("judging", config.concurrency());
    }

    /** Judges a single response with every judge it names. */
    public JudgedResponse judgeOnce(ResponseGenerated response) {
        return judgeAll(List.of(response)).get(0);
    }

    /** Judges a batch; the result has one entry per response, in order. */
    public List<JudgedResponse> judgeAll(List<ResponseGenerated> responses) {
        Map<Task, ResponseGenerated> tasks = new LinkedHashMap<>();
        for (ResponseGenerated response : responses) {
            for (String judge : response.allJudges()) {
                tasks.putIfAbsent(new Task(response.item(), judge), response);
            }
        }
        Map<Task, JudgementEntity> stored = stored(tasks.keySet());
        List<Task> missing = tasks.keySet().stream()
                .filter(task -> !stored.containsKey(task))
                .toList();
        if (stored.size() > 0) {
            meters.counter("penguin.work.items", "stage", "judging", "outcome", "duplicate")
                    .increment(stored.size());
        }
        List<ParallelWork.Outcome<JudgementEntity>> outcomes =
                work.map(missing, task -> judge(tasks.get(task), task.judge()));
        Map<Task, String> failures = new HashMap<>();
        List<JudgementEntity> fresh = new ArrayList<>();
        for (int i = 0; i < missing.size(); i++) {
            ParallelWork.Outcome<JudgementEntity> outcome = outcomes.get(i);
            if (outcome.failed()) {
                failures.put(missing.get(i), outcome.reason());
            } else {
                fresh.add(outcome.value());
            }
        }
        stored.putAll(persist(fresh));
        meters.counter("penguin.work.items", "stage", "judging", "outcome", "done")
                .increment(fresh.size());

        List<JudgedResponse> results = new ArrayList<>(responses.size());
        for (ResponseGenerated response : responses) {
            List<JudgementRecorded> events = new ArrayList<>();
            String failure = null;
            for (String judge : response.allJudges()) {
                Task task = new Task(response.item(), judge);
                JudgementEntity entity = stored.get(task);
                if (entity != null) {
                    events.add(JudgementMapper.toEvent(entity));
                } else {
                    failure = "judge " + judge + " failed: " + failures.getOrDefault(task, "no judgement stored");
                }
            }
            results.add(new JudgedResponse(response, failure == null ? List.copyOf(events) : List.of(), failure));
        }
        return results;
    }

    /** The model call: outside any transaction, because it may be slow and must not hold a connection. */
    private JudgementEntity judge(ResponseGenerated response, String judgeName) {
        try (var ids = WorkItemLogContext.of(response.item())) {
            JudgeModel judge = models.judge(judgeName);
            Verdict verdict = judge.judge(new JudgeRequest(
                    response.scenario().query(), response.scenario().profile(), response.response()));
            meters.timer("penguin.model.calls", "role", "judge", "model", judge.name())
                    .record(Duration.ofMillis(verdict.usage().latencyMillis()));
            boolean reference =
                    judge.reference() || "reference".equals(response.usage().provider());
            boolean panel = !judgeName.equals(response.judgeModel());
            return JudgementMapper.toEntity(response, judgeName, panel, verdict, reference);
        }
    }

    private Map<Task, JudgementEntity> stored(java.util.Collection<Task> tasks) {
        if (tasks.isEmpty()) {
            return new HashMap<>();
        }
        List<JudgementEntity> rows = QuarkusTransaction.requiringNew()
                .call(() -> repository.findForWorkItems(
                        tasks.stream().map(Task::item).toList()));
        Map<Task, JudgementEntity> found = new HashMap<>();
        for (JudgementEntity row : rows) {
            Task task = new Task(new WorkItemId(row.runId, row.scenarioId, row.condition, row.model), row.judgeModel);
            if (tasks.contains(task)) {
                found.put(task, row);
            }
        }
        return found;
    }

    /**
     * Stores new judgements in one transaction. If another delivery of the same work item won a unique key meanwhile,
     * falls back to one transaction per row, and the row that lost is replaced by the stored one.
     */
    private Map<Task, JudgementEntity> persist(List<JudgementEntity> fresh) {
        Map<Task, JudgementEntity> result = new HashMap<>();
        if (fresh.isEmpty()) {
            return result;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> repository.persist(fresh));
            fresh.forEach(entity -> result.put(task(entity), entity));
            return result;
        } catch (PersistenceException e) {
            Log.debugf("batch insert hit a concurrent duplicate, storing row by row: %s", e.getMessage());
        }
        for (JudgementEntity entity : fresh) {
            JudgementEntity copy = JudgementMapper.copy(entity);
            try {
                QuarkusTransaction.requiringNew().run(() -> repository.persist(copy));
                result.put(task(copy), copy);
            } catch (PersistenceException e) {
                Optional<JudgementEntity> winner = QuarkusTransaction.requiringNew()
                        .call(() -> repository.findByWorkItem(task(entity).item(), entity.judgeModel));
                winner.ifPresent(row -> result.put(task(row), row));
            }
        }
        return result;
    }

    private static Task task(JudgementEntity entity) {
        return new Task(
                new WorkItemId(entity.runId, entity.scenarioId, entity.condition, entity.model), entity.judgeModel);
    }

    @PreDestroy
    void stop() {
        work.close();
    }
}
