package io.penguin.judge.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.penguin.contracts.JudgementRecorded;
import io.penguin.contracts.ResponseGenerated;
import io.penguin.contracts.WorkItemId;
import io.penguin.judge.config.JudgeConfig;
import io.penguin.judge.persistence.GroupedWork;
import io.penguin.judge.persistence.JudgementEntity;
import io.penguin.judge.persistence.JudgementRepository;
import io.penguin.models.JudgeModel;
import io.penguin.models.JudgeRequest;
import io.penguin.models.ModelRegistry;
import io.penguin.models.Verdict;
import io.penguin.service.logging.WorkItemLogContext;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Judges each (work item, judge) once, one response at a time on the consumer's threads: what is already stored is
 * looked up and re-published unchanged (same event id), so a crash between storing and publishing heals and downstream
 * dedupes by identity; what is missing is judged, then stored. Lookups and inserts of the responses in flight are
 * grouped ({@link GroupedWork}): one query and one transaction for whatever gathered meanwhile, and each response
 * goes on only once its rows are committed.
 */
@ApplicationScoped
public class JudgementService {

    /** One judge's judgement of one work item: the unit that is stored at most once. */
    record Task(WorkItemId item, String judge) {}

    private final JudgementRepository repository;
    private final ModelRegistry models;
    private final MeterRegistry meters;
    private final GroupedWork<WorkItemId, List<JudgementEntity>> lookups;
    private final GroupedWork<List<JudgementEntity>, List<JudgementEntity>> writes;

    public JudgementService(
            JudgementRepository repository, ModelRegistry models, MeterRegistry meters, JudgeConfig config) {
        this.repository = repository;
        this.models = models;
        this.meters = meters;
        this.lookups = new GroupedWork<>("judging-lookups", config.writeGroup(), this::storedFor);
        this.writes = new GroupedWork<>("judging-writes", config.writeGroup(), this::persistAll);
    }

    /** Judges a response with every judge it names: its judgements, or why it could not be judged. */
    public JudgedResponse judge(ResponseGenerated response) {
        Map<String, JudgementEntity> stored = new HashMap<>();
        for (JudgementEntity row : lookups.call(response.item())) {
            stored.put(row.judgeModel, row);
        }
        List<String> judges = response.allJudges().stream().distinct().toList();
        long duplicates = judges.stream().filter(stored::containsKey).count();
        if (duplicates > 0) {
            meters.counter("penguin.work.items", "stage", "judging", "outcome", "duplicate")
                    .increment(duplicates);
        }
        Map<String, String> failures = new HashMap<>();
        List<JudgementEntity> fresh = new ArrayList<>();
        for (String judge : judges) {
            if (stored.containsKey(judge)) {
                continue;
            }
            try {
                fresh.add(judge(response, judge));
            } catch (RuntimeException e) {
                failures.put(judge, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        }
        if (!fresh.isEmpty()) {
            writes.call(fresh).forEach(row -> stored.put(row.judgeModel, row));
            meters.counter("penguin.work.items", "stage", "judging", "outcome", "done")
                    .increment(fresh.size());
        }
        List<JudgementRecorded> events = new ArrayList<>();
        String failure = null;
        for (String judge : judges) {
            JudgementEntity entity = stored.get(judge);
            if (entity != null) {
                events.add(JudgementMapper.toEvent(entity));
            } else {
                failure = "judge " + judge + " failed: " + failures.getOrDefault(judge, "no judgement stored");
            }
        }
        return new JudgedResponse(response, failure == null ? List.copyOf(events) : List.of(), failure);
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

    /** The stored judgements of each work item (of any judge), in one query for the group. */
    private List<List<JudgementEntity>> storedFor(List<WorkItemId> items) {
        List<JudgementEntity> rows = QuarkusTransaction.requiringNew()
                .call(() ->
                        repository.findForWorkItems(items.stream().distinct().toList()));
        Map<WorkItemId, List<JudgementEntity>> byItem = new HashMap<>();
        for (JudgementEntity row : rows) {
            byItem.computeIfAbsent(task(row).item(), item -> new ArrayList<>()).add(row);
        }
        return items.stream().map(item -> byItem.getOrDefault(item, List.of())).toList();
    }

    /**
     * Stores the new judgements of a group of responses in one transaction; per response, the rows now stored. Two
     * deliveries of one work item in flight at once judge it twice: only the first row is inserted, and both get it.
     */
    private List<List<JudgementEntity>> persistAll(List<List<JudgementEntity>> group) {
        Map<Task, JudgementEntity> unique = new LinkedHashMap<>();
        group.stream().flatMap(List::stream).forEach(row -> unique.putIfAbsent(task(row), row));
        Map<Task, JudgementEntity> stored = persist(List.copyOf(unique.values()));
        return group.stream()
                .map(rows -> rows.stream()
                        .map(row -> stored.get(task(row)))
                        .filter(Objects::nonNull)
                        .toList())
                .toList();
    }

    /**
     * Stores new judgements in one transaction, keeping rows already stored. If another process won a unique key
     * meanwhile, falls back to one transaction per row, and the row that lost is replaced by the stored one.
     */
    private Map<Task, JudgementEntity> persist(List<JudgementEntity> fresh) {
        Map<Task, JudgementEntity> result = new HashMap<>();
        if (fresh.isEmpty()) {
            return result;
        }
        try {
            // rows stored since the look-up (another delivery of the same item, in an earlier group) are taken as
            // they are, so deliveries in flight at once in this process never meet at the unique key
            Map<Task, JudgementEntity> stored = QuarkusTransaction.requiringNew()
                    .call(() -> {
                        Map<Task, JudgementEntity> rows = new HashMap<>();
                        Set<Task> wanted =
                                fresh.stream().map(JudgementService::task).collect(Collectors.toSet());
                        for (JudgementEntity row : repository.findForWorkItems(fresh.stream()
                                .map(entity -> task(entity).item())
                                .distinct()
                                .toList())) {
                            if (wanted.contains(task(row))) {
                                rows.put(task(row), row);
                            }
                        }
                        List<JudgementEntity> insert = fresh.stream()
                                .filter(entity -> !rows.containsKey(task(entity)))
                                .toList();
                        repository.persist(insert);
                        insert.forEach(entity -> rows.put(task(entity), entity));
                        return rows;
                    });
            result.putAll(stored);
            return result;
        } catch (RuntimeException e) {
            // a unique key lost to another delivery surfaces at commit, as a rollback rather than a
            // PersistenceException
            Log.debugf("batch insert hit a concurrent duplicate, storing row by row: %s", e.getMessage());
        }
        for (JudgementEntity entity : fresh) {
            JudgementEntity copy = JudgementMapper.copy(entity);
            try {
                QuarkusTransaction.requiringNew().run(() -> repository.persist(copy));
                result.put(task(copy), copy);
            } catch (RuntimeException e) {
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
        lookups.close();
        writes.close();
    }
}
