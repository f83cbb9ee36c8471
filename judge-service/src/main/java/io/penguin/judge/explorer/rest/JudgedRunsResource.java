package io.penguin.judge.explorer.rest;

import io.penguin.judge.transcripts.persistence.TranscriptStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /reports/runs}: the runs this service has judged, the most recently judged first, for the run explorer
 * ({@code /explorer/}). Ids and counts only.
 */
@Path("/reports/runs")
@Produces(MediaType.APPLICATION_JSON)
public class JudgedRunsResource {

    /** The most runs listed. */
    private static final int LIMIT = 200;

    /** One judged run: its run judge's verdicts, how many models and conditions, when it was last judged. */
    public record JudgedRun(String runId, long judged, long models, long conditions, Instant lastJudgedAt) {}

    private final EntityManager entities;

    public JudgedRunsResource(EntityManager entities) {
        this.entities = entities;
    }

    @GET
    public List<JudgedRun> runs() {
        List<?> rows = QuarkusTransaction.requiringNew()
                .call(() -> entities.createNativeQuery("select run_id, count(*), count(distinct model),"
                                + " count(distinct condition_id), max(judged_at) from judgement where panel = false"
                                + " group by run_id order by max(judged_at) desc limit " + LIMIT)
                        .getResultList());
        return rows.stream()
                .map(Object[].class::cast)
                .map(row -> new JudgedRun(
                        (String) row[0],
                        ((Number) row[1]).longValue(),
                        ((Number) row[2]).longValue(),
                        ((Number) row[3]).longValue(),
                        TranscriptStore.instant(row[4])))
                .toList();
    }
}
