package io.penguin.judge.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.penguin.contracts.JudgementRecorded;
import io.penguin.contracts.ResponseGenerated;
import io.penguin.judge.persistence.JudgementEntity;
import io.penguin.judge.persistence.JudgementRepository;
import io.penguin.models.JudgeModel;
import io.penguin.models.JudgeRequest;
import io.penguin.models.ModelRegistry;
import io.penguin.models.Verdict;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.util.Optional;

/**
 * Judges each work item once. A redelivered response finds its stored judgement and re-publishes it unchanged (same
 * event id), so a crash between storing and publishing heals and downstream dedupes by identity.
 */
@ApplicationScoped
public class JudgementService {

    private final JudgementRepository repository;
    private final ModelRegistry models;
    private final MeterRegistry meters;

    public JudgementService(JudgementRepository repository, ModelRegistry models, MeterRegistry meters) {
        this.repository = repository;
        this.models = models;
        this.meters = meters;
    }

    public JudgementRecorded judgeOnce(ResponseGenerated response) {
        Optional<JudgementRecorded> stored = stored(response);
        if (stored.isPresent()) {
            meters.counter("penguin.work.items", "stage", "judging", "outcome", "duplicate")
                    .increment();
            Log.debugf("duplicate response for %s: re-publishing its stored judgement", response.item());
            return stored.get();
        }
        JudgeModel judge = models.judge(response.judgeModel());
        // The model call runs outside any transaction: it may be slow and must not hold a connection.
        Verdict verdict = judge.judge(new JudgeRequest(
                response.scenario().query(), response.scenario().profile(), response.response()));
        meters.timer("penguin.model.calls", "role", "judge", "model", judge.name())
                .record(Duration.ofMillis(verdict.usage().latencyMillis()));
        boolean reference =
                judge.reference() || "reference".equals(response.usage().provider());
        JudgementEntity entity = JudgementMapper.toEntity(response, verdict, reference);
        try {
            QuarkusTransaction.requiringNew().run(() -> repository.persist(entity));
        } catch (PersistenceException e) {
            // A concurrent delivery of the same work item won the unique key: publish its judgement instead.
            return stored(response).orElseThrow(() -> e);
        }
        meters.counter("penguin.work.items", "stage", "judging", "outcome", "done")
                .increment();
        return JudgementMapper.toEvent(entity);
    }

    private Optional<JudgementRecorded> stored(ResponseGenerated response) {
        return QuarkusTransaction.requiringNew()
                .call(() -> repository
                        .findByWorkItem(response.item(), response.judgeModel())
                        .map(JudgementMapper::toEvent));
    }
}
