package io.penguin.judge.transcripts.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.penguin.contracts.DialogueTurn;
import io.penguin.contracts.Events;
import io.penguin.contracts.ResponseGenerated;
import io.penguin.contracts.RoleCalls;
import io.penguin.core.Attribute;
import io.penguin.judge.transcripts.config.TranscriptConfig;
import io.penguin.judge.transcripts.persistence.TranscriptRow;
import io.penguin.judge.transcripts.persistence.TranscriptStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes, reads and deletes transcripts. Writing is idempotent per work item and off the judging path (its own
 * consumer group), so keeping transcripts never slows judging down; with {@code penguin.transcripts.keep=false}
 * nothing is written.
 */
@ApplicationScoped
public class Transcripts {

    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {};
    private static final TypeReference<List<Attribute>> ATTRIBUTES = new TypeReference<>() {};
    private static final TypeReference<List<DialogueTurn>> TURNS = new TypeReference<>() {};
    private static final TypeReference<List<RoleCalls>> ROLE_CALLS = new TypeReference<>() {};

    private final TranscriptStore store;
    private final TranscriptConfig config;

    public Transcripts(TranscriptStore store, TranscriptConfig config) {
        this.store = store;
        this.config = config;
    }

    /** What one stored transcript says, its JSON read back. */
    public record Transcript(
            String scenarioId,
            String condition,
            String model,
            String issue,
            String query,
            Map<String, String> profile,
            List<Attribute> visible,
            String response,
            List<DialogueTurn> dialogue,
            String promptVersion,
            List<RoleCalls> roleCalls,
            Instant storedAt) {

        /** Never prints the query, the profile, the response or the dialogue. */
        @Override
        public String toString() {
            return "Transcript[issue=" + issue + ", promptVersion=" + promptVersion + "]";
        }
    }

    public boolean keeping() {
        return config.keep();
    }

    /** Stores the responses' transcripts not stored yet; returns how many were new (0 when not keeping). */
    public int record(List<ResponseGenerated> responses) {
        if (!config.keep() || responses.isEmpty()) {
            return 0;
        }
        Instant now = Instant.now();
        List<TranscriptRow> rows =
                responses.stream().map(response -> row(response, now)).toList();
        return QuarkusTransaction.requiringNew().call(() -> store.insertNew(rows));
    }

    public List<Transcript> ofScenario(String runId, String scenarioId) {
        return QuarkusTransaction.requiringNew().call(() -> store.ofScenario(runId, scenarioId)).stream()
                .map(Transcripts::read)
                .toList();
    }

    public Optional<Transcript> of(String runId, String scenarioId, String condition, String model) {
        return QuarkusTransaction.requiringNew()
                .call(() -> store.of(runId, scenarioId, condition, model))
                .map(Transcripts::read);
    }

    /** One page of a run's transcripts, in work-item order. */
    public List<Transcript> page(String runId, int offset, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> store.page(runId, offset, limit)).stream()
                .map(Transcripts::read)
                .toList();
    }

    /** Deletes a run's transcripts (its scores stay); returns how many. */
    public int purgeRun(String runId) {
        return QuarkusTransaction.requiringNew().call(() -> store.deleteRun(runId));
    }

    /** Deletes the transcripts older than the retention; returns how many. */
    public int purgeExpired(Instant now) {
        Instant cutoff = now.minus(config.retention());
        return QuarkusTransaction.requiringNew().call(() -> store.deleteOlderThan(cutoff));
    }

    /** The run's scenarios of one taxonomy issue, as its transcripts say. */
    public java.util.Set<String> scenariosOfIssue(String runId, String issue) {
        return java.util.Set.copyOf(QuarkusTransaction.requiringNew().call(() -> store.scenariosOfIssue(runId, issue)));
    }

    public long count(String runId) {
        return QuarkusTransaction.requiringNew().call(() -> store.countRun(runId));
    }

    static TranscriptRow row(ResponseGenerated response, Instant now) {
        return new TranscriptRow(
                response.item().runId(),
                response.item().scenarioId(),
                response.item().condition(),
                response.item().model(),
                response.scenario().issue(),
                response.scenario().query(),
                json(response.scenario().profile().toLabels()),
                json(response.visibleAttributes()),
                response.response(),
                response.dialogue() == null ? null : json(response.dialogue()),
                response.promptVersion(),
                json(response.roleCalls()),
                now);
    }

    private static Transcript read(TranscriptRow row) {
        try {
            var mapper = Events.mapper();
            return new Transcript(
                    row.scenarioId(),
                    row.condition(),
                    row.model(),
                    row.issue(),
                    row.query(),
                    mapper.readValue(row.profile(), LABELS),
                    mapper.readValue(row.visible(), ATTRIBUTES),
                    row.response(),
                    row.dialogue() == null ? null : mapper.readValue(row.dialogue(), TURNS),
                    row.promptVersion(),
                    mapper.readValue(row.roleCalls(), ROLE_CALLS),
                    row.storedAt());
        } catch (JsonProcessingException e) {
            // Written by this service from validated events: unreadable means a corrupted row, never the caller's
            // fault.
            throw new IllegalStateException("transcript " + row + " cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    private static String json(Object value) {
        try {
            return Events.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a transcript field", e);
        }
    }
}
