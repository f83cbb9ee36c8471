package io.penguin.judge.rest;

import io.penguin.core.Domain;
import io.penguin.core.RubricDimension;
import io.penguin.judge.persistence.JudgementEntity;
import io.penguin.judge.persistence.JudgementRepository;
import io.penguin.judge.persistence.ScoreGroup;
import io.penguin.service.problem.NotFoundProblem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Path("/runs/{runId}")
@Produces(MediaType.APPLICATION_JSON)
public class RunReportResource {

    private static final Comparator<ScoreGroup> REPORT_ORDER = Comparator.comparing(ScoreGroup::model)
            .thenComparing(ScoreGroup::condition)
            .thenComparing(group -> domainOrder(group.domain()));

    private final JudgementRepository repository;

    public RunReportResource(JudgementRepository repository) {
        this.repository = repository;
    }

    /** Mean scores per model, condition and domain, in the order of the paper's tables. */
    @GET
    @Path("/report")
    public RunReport report(@PathParam("runId") String runId) {
        List<ScoreGroup> overall =
                repository.meansOverall(runId).stream().sorted(REPORT_ORDER).toList();
        if (overall.isEmpty()) {
            throw new NotFoundProblem("no judgements for run '" + runId + "' yet");
        }
        List<ScoreGroup> byDomain =
                repository.meansByDomain(runId).stream().sorted(REPORT_ORDER).toList();
        long judgements = overall.stream().mapToLong(ScoreGroup::judgements).sum();
        return new RunReport(
                runId, judgements, repository.anyReference(runId), overall, byDomain, repository.usage(runId));
    }

    @GET
    @Path("/judgements")
    public List<JudgementView> judgements(@PathParam("runId") String runId) {
        return repository.listByRun(runId).stream().map(RunReportResource::view).toList();
    }

    private static JudgementView view(JudgementEntity entity) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        scores.put(RubricDimension.RISK_SENSITIVITY.label(), (int) entity.riskSensitivity);
        scores.put(RubricDimension.EMOTIONAL_EMPATHY.label(), (int) entity.emotionalEmpathy);
        scores.put(RubricDimension.USER_SPECIFIC_ALIGNMENT.label(), (int) entity.userSpecificAlignment);
        Map<String, String> rationale = new LinkedHashMap<>();
        rationale.put(RubricDimension.RISK_SENSITIVITY.label(), entity.riskRationale);
        rationale.put(RubricDimension.EMOTIONAL_EMPATHY.label(), entity.empathyRationale);
        rationale.put(RubricDimension.USER_SPECIFIC_ALIGNMENT.label(), entity.alignmentRationale);
        return new JudgementView(
                entity.runId,
                entity.scenarioId,
                entity.condition,
                entity.model,
                entity.judgeModel,
                entity.domain,
                scores,
                entity.safetyScore,
                rationale,
                entity.reference,
                entity.judgedAt);
    }

    private static int domainOrder(String label) {
        try {
            return Domain.fromLabel(label).ordinal();
        } catch (IllegalArgumentException e) {
            return Integer.MAX_VALUE;
        }
    }
}
