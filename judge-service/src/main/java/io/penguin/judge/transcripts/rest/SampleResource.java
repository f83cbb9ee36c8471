package io.penguin.judge.transcripts.rest;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.penguin.contracts.Events;
import io.penguin.contracts.TranscriptRecord;
import io.penguin.core.Condition;
import io.penguin.judge.persistence.JudgementEntity;
import io.penguin.judge.persistence.JudgementRepository;
import io.penguin.judge.transcripts.service.Transcripts;
import io.penguin.service.problem.NotFoundProblem;
import io.penguin.service.problem.OwnerAccess;
import io.penguin.service.problem.QueryParameters;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A run read sample by sample. {@code GET /runs/{id}/samples}: the judged work items, worst first, filtered by model,
 * condition, condition family (a report row), domain ({@code All}: every domain), issue (from the transcripts), scenario and score range (ids and scores only). {@code GET /runs/{id}/samples/{scenarioId}}: one
 * scenario under every condition and model of the run, side by side, with query, profile, response, dialogue and
 * every judge's reasons; {@code GET /runs/{id}/transcripts}: all of them as JSON lines; both for the owner only (the catalog's rule, {@link OwnerAccess}). {@code DELETE
 * /runs/{id}/transcripts}: the run's transcripts deleted, its scores kept.
 */
@Path("/runs/{runId}")
@Produces(MediaType.APPLICATION_JSON)
public class SampleResource {

    private static final int DEFAULT_PAGE_SIZE = 50;

    /** Transcripts read per query while exporting. */
    private static final int EXPORT_PAGE = 500;

    private final JudgementRepository judgements;
    private final Transcripts transcripts;
    private final OwnerAccess owner;

    public SampleResource(JudgementRepository judgements, Transcripts transcripts, OwnerAccess owner) {
        this.judgements = judgements;
        this.transcripts = transcripts;
        this.owner = owner;
    }

    /** The run judge's verdicts, worst safety score first; parameters are text so that a bad one is a 400 naming it. */
    @GET
    @Path("/samples")
    public List<SampleSummary> samples(
            @PathParam("runId") String runId,
            @QueryParam("model") String model,
            @QueryParam("condition") String condition,
            @QueryParam("family") String family,
            @QueryParam("domain") String domain,
            @QueryParam("issue") String issue,
            @QueryParam("scenarioId") String scenarioId,
            @QueryParam("minScore") String minScore,
            @QueryParam("maxScore") String maxScore,
            @QueryParam("fallbacks") String fallbacks,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        double low = QueryParameters.number("minScore", minScore, 1, 1, 5);
        double high = QueryParameters.number("maxScore", maxScore, 5, 1, 5);
        boolean onlyFallbacks = QueryParameters.flag("fallbacks", fallbacks);
        int number = QueryParameters.page("page", page, 0);
        int pageSize = QueryParameters.size("size", size, DEFAULT_PAGE_SIZE);
        // The issue is in the transcripts (the judgement rows carry the domain only): without them, none matches.
        java.util.Set<String> ofIssue =
                issue == null || issue.isBlank() ? null : transcripts.scenariosOfIssue(runId, issue);
        List<JudgementEntity> rows = runJudgements(runId).stream()
                .filter(row -> ofIssue == null || ofIssue.contains(row.scenarioId))
                .filter(row -> matches(model, row.model)
                        && matches(condition, row.condition)
                        && matches(family, Condition.familyOf(row.condition))
                        && (matches(domain, row.domain) || "All".equals(domain))
                        && matches(scenarioId, row.scenarioId))
                .filter(row -> row.safetyScore >= low && row.safetyScore <= high)
                .filter(row -> !onlyFallbacks || row.fallbacks > 0)
                .sorted(Comparator.comparingDouble((JudgementEntity row) -> row.safetyScore)
                        .thenComparing(row -> row.scenarioId)
                        .thenComparing(row -> row.condition)
                        .thenComparing(row -> row.model))
                .toList();
        int from = (int) Math.min(rows.size(), (long) number * pageSize);
        return rows.subList(from, Math.min(rows.size(), from + pageSize)).stream()
                .map(SampleResource::summary)
                .toList();
    }

    /** The scenario under every condition and model of the run (or the one asked for), for the owner. */
    @GET
    @Path("/samples/{scenarioId}")
    public List<TranscriptRecord> scenario(
            @PathParam("runId") String runId,
            @PathParam("scenarioId") String scenarioId,
            @QueryParam("condition") String condition,
            @QueryParam("model") String model,
            @Context HttpServerRequest request) {
        owner.requireOwner(request, "a sample's transcript (it holds the profile and the response)");
        List<JudgementEntity> verdicts = QuarkusTransaction.requiringNew()
                .call(() -> judgements.list("runId = ?1 and scenarioId = ?2", runId, scenarioId));
        Map<String, Transcripts.Transcript> texts = transcripts.ofScenario(runId, scenarioId).stream()
                .collect(Collectors.toMap(
                        transcript -> key(transcript.condition(), transcript.model()), Function.identity()));
        Map<String, List<JudgementEntity>> byItem = new LinkedHashMap<>();
        verdicts.stream()
                .filter(row -> matches(condition, row.condition) && matches(model, row.model))
                .sorted(Comparator.comparing((JudgementEntity row) -> row.condition)
                        .thenComparing(row -> row.model)
                        .thenComparing(row -> row.panel)
                        .thenComparing(row -> row.judgeModel))
                .forEach(row -> byItem.computeIfAbsent(key(row.condition, row.model), k -> new ArrayList<>())
                        .add(row));
        if (byItem.isEmpty()) {
            throw new NotFoundProblem("no judged sample of scenario '" + scenarioId + "' in run '" + runId + "'"
                    + (condition == null && model == null ? "" : " for that condition and model"));
        }
        return byItem.values().stream()
                .map(rows -> sample(rows, texts.get(key(rows.get(0).condition, rows.get(0).model))))
                .toList();
    }

    /**
     * The run's transcripts as JSON lines ({@code application/x-ndjson}): one {@link TranscriptRecord} per work item with a
     * transcript, in scenario, condition and model order, written as it is read (a page of 500 at a time).
     */
    @GET
    @Path("/transcripts")
    @Produces("application/x-ndjson")
    public Response export(@PathParam("runId") String runId, @Context HttpServerRequest request) {
        owner.requireOwner(request, "a run's transcripts (they hold profiles and responses)");
        Map<String, List<JudgementEntity>> byItem = new LinkedHashMap<>();
        QuarkusTransaction.requiringNew().call(() -> judgements.list("runId", runId)).stream()
                .sorted(Comparator.comparing((JudgementEntity row) -> row.panel).thenComparing(row -> row.judgeModel))
                .forEach(row -> byItem.computeIfAbsent(
                                key(row.condition, row.model) + "\u0000" + row.scenarioId, k -> new ArrayList<>())
                        .add(row));
        if (byItem.isEmpty()) {
            throw new NotFoundProblem("no judgement of run '" + runId + "'");
        }
        StreamingOutput lines = output -> {
            var writer = Events.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);
            for (int offset = 0; ; offset += EXPORT_PAGE) {
                List<Transcripts.Transcript> page = transcripts.page(runId, offset, EXPORT_PAGE);
                for (Transcripts.Transcript text : page) {
                    List<JudgementEntity> rows =
                            byItem.get(key(text.condition(), text.model()) + "\u0000" + text.scenarioId());
                    if (rows != null) {
                        output.write(writer.writeValueAsBytes(sample(rows, text)));
                        output.write('\n');
                    }
                }
                if (page.size() < EXPORT_PAGE) {
                    return;
                }
            }
        };
        return Response.ok(lines, "application/x-ndjson").build();
    }

    /** Deletes the run's transcripts; its judgements, scores and reasons stay. */
    @DELETE
    @Path("/transcripts")
    public Map<String, Object> purge(@PathParam("runId") String runId, @Context HttpServerRequest request) {
        owner.requireOwner(request, "deleting a run's transcripts");
        return Map.of("runId", runId, "deleted", transcripts.purgeRun(runId));
    }

    private List<JudgementEntity> runJudgements(String runId) {
        List<JudgementEntity> rows =
                QuarkusTransaction.requiringNew().call(() -> judgements.list("runId = ?1 and panel = false", runId));
        if (rows.isEmpty()) {
            throw new NotFoundProblem("no judgement of run '" + runId + "'");
        }
        return rows;
    }

    private static TranscriptRecord sample(List<JudgementEntity> rows, Transcripts.Transcript text) {
        JudgementEntity first = rows.get(0);
        boolean kept = text != null;
        return new TranscriptRecord(
                first.scenarioId,
                first.domain,
                kept ? text.issue() : null,
                first.condition,
                first.model,
                kept,
                kept ? text.query() : null,
                kept ? text.profile() : null,
                kept ? text.visible() : null,
                kept ? text.response() : null,
                kept ? text.dialogue() : null,
                first.targetPromptVersion,
                rows.stream().map(SampleResource::scored).toList(),
                new TranscriptRecord.Usage(
                        first.targetProvider,
                        first.targetLatencyMs,
                        first.targetPromptTokens,
                        first.targetCompletionTokens,
                        first.targetCost),
                first.roleCalls == null ? List.of() : first.roleCalls,
                first.fallbacks);
    }

    private static TranscriptRecord.Scored scored(JudgementEntity row) {
        Map<String, Integer> scores = row.scoresByLabel();
        Map<String, String> reasons = row.reasonsByLabel();
        return new TranscriptRecord.Scored(
                row.judgeModel, row.panel, row.reference, row.judgePromptVersion, row.safetyScore, scores, reasons);
    }

    private static SampleSummary summary(JudgementEntity row) {
        return new SampleSummary(
                row.scenarioId,
                row.domain,
                row.condition,
                row.model,
                row.safetyScore,
                row.riskSensitivity,
                row.emotionalEmpathy,
                row.userSpecificAlignment,
                row.questionsAsked,
                row.fallbacks);
    }

    private static boolean matches(String wanted, String value) {
        return wanted == null || wanted.isBlank() || wanted.equals(value);
    }

    private static String key(String condition, String model) {
        return condition + "\u0000" + model;
    }
}
