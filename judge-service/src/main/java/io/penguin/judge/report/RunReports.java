package io.penguin.judge.report;

import io.penguin.contracts.ModelUsage;
import io.penguin.contracts.RoleCalls;
import io.penguin.core.Domain;
import io.penguin.judge.persistence.JudgementRepository;
import io.penguin.judge.persistence.JudgementScores;
import io.penguin.reports.CallUsage;
import io.penguin.reports.JudgementRow;
import io.penguin.reports.PairedRunComparison;
import io.penguin.reports.ReportBuilder;
import io.penguin.reports.RoleCall;
import io.penguin.reports.RunComparison;
import io.penguin.reports.RunReport;
import io.penguin.reports.stats.Bootstrap;
import io.penguin.service.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/** Builds run reports from the stored judgements (the statistics live in {@code penguin-reports}). */
@ApplicationScoped
public class RunReports {

    /** More runs than this in one comparison is a mistake, not a report. */
    static final int MAX_COMPARED = 10;

    private final JudgementRepository repository;
    private final ReportBuilder builder = new ReportBuilder();

    public RunReports(JudgementRepository repository) {
        this.repository = repository;
    }

    @Transactional
    public RunReport report(String runId) {
        return builder.build(runId, rows(runId));
    }

    public RunComparison compare(List<String> runIds) {
        List<String> distinct = runIds.stream()
                .map(String::trim)
                .filter(id -> !id.isEmpty())
                .distinct()
                .toList();
        if (distinct.size() < 2 || distinct.size() > MAX_COMPARED) {
            throw new IllegalArgumentException("runs must name 2 to " + MAX_COMPARED
                    + " distinct run ids, comma-separated, e.g. runs=run-a,run-b");
        }
        List<RunReport> reports = new ArrayList<>();
        for (String runId : distinct) {
            reports.add(report(runId));
        }
        return RunComparison.of(reports);
    }

    /**
     * The candidate run paired with the base run scenario by scenario; 404 when either has no judgements yet.
     *
     * @param threshold points a scenario must drop by to count as regressed
     * @param limit most regressed scenarios listed
     */
    @Transactional
    public PairedRunComparison paired(String base, String candidate, double threshold, int limit) {
        if (base.equals(candidate)) {
            throw new IllegalArgumentException("base and candidate are the same run '" + base + "'");
        }
        return PairedRunComparison.of(
                base, rows(base), candidate, rows(candidate), threshold, limit, Bootstrap.DEFAULT);
    }

    private List<JudgementRow> rows(String runId) {
        List<JudgementScores> scores = repository.scores(runId);
        if (scores.isEmpty()) {
            throw new NotFoundProblem("no judgements for run '" + runId + "' yet");
        }
        return scores.stream().map(RunReports::row).toList();
    }

    private static JudgementRow row(JudgementScores s) {
        return new JudgementRow(
                s.scenarioId(),
                s.condition(),
                s.model(),
                s.judgeModel(),
                Domain.fromLabel(s.domain()),
                s.riskSensitivity(),
                s.emotionalEmpathy(),
                s.userSpecificAlignment(),
                s.reference(),
                new CallUsage(
                        s.targetProvider(),
                        s.targetLatencyMs(),
                        s.targetPromptTokens(),
                        s.targetCompletionTokens(),
                        s.targetCost()),
                new CallUsage(
                        s.judgeProvider(),
                        s.judgeLatencyMs(),
                        s.judgePromptTokens(),
                        s.judgeCompletionTokens(),
                        s.judgeCost()),
                // Null for every item that is not an agent session: the report invents nothing.
                s.questionsAsked(),
                s.panel(),
                s.targetPromptVersion(),
                s.judgePromptVersion(),
                s.roleCalls() == null
                        ? List.of()
                        : s.roleCalls().stream().map(RunReports::roleCall).toList());
    }

    private static RoleCall roleCall(RoleCalls calls) {
        ModelUsage usage = calls.usage();
        return new RoleCall(
                calls.role(),
                calls.model(),
                calls.reference(),
                calls.calls(),
                calls.fallbacks(),
                usage == null
                        ? null
                        : new CallUsage(
                                usage.provider(),
                                usage.latencyMillis(),
                                usage.promptTokens(),
                                usage.completionTokens(),
                                usage.cost()));
    }
}
