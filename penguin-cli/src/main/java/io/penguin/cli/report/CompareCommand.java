package io.penguin.cli.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.penguin.cli.gate.GateScope;
import io.penguin.cli.gate.Gates;
import io.penguin.cli.gate.RegressionGate;
import io.penguin.cli.gate.Verdict;
import io.penguin.cli.platform.PlatformClient;
import io.penguin.reports.PairedRunComparison;
import io.penguin.reports.render.PairedText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A candidate run against a base run, scenario by scenario, with an optional regression gate. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = "Compare a candidate run with a base run scenario by scenario: per model, condition and domain"
                + " the paired difference with its 95%% interval and a signed-rank test, then the scenarios that"
                + " dropped by at least --regression points with their links in the run explorer. With"
                + " --fail-on-regression, exit 3 when a cell dropped further than allowed.")
public class CompareCommand implements Callable<Integer> {

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Parameters(index = "0", paramLabel = "BASE_RUN", description = "The run compared against (e.g. the release).")
    String base;

    @Parameters(index = "1", paramLabel = "CANDIDATE_RUN", description = "The run under test.")
    String candidate;

    @Option(
            names = "--regression",
            paramLabel = "POINTS",
            defaultValue = "1",
            description = "A scenario regressed when its score dropped by at least this (default ${DEFAULT-VALUE}).")
    double regression;

    @Option(
            names = "--limit",
            defaultValue = "20",
            description = "Most regressed scenarios listed (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(
            names = "--fail-on-regression",
            paramLabel = "POINTS",
            description = "Regression gate: exit 3 when any checked cell's mean score dropped by more than this.")
    Double failOnRegression;

    @Option(
            names = "--gate-by",
            defaultValue = "row",
            description = "The cells --fail-on-regression checks: row (each model x condition over all domains) or"
                    + " domain (each model x condition x domain); default ${DEFAULT-VALUE}.")
    GateScope gateBy;

    @Option(names = "--junit-xml", paramLabel = "FILE", description = "Also write the gate's verdicts as JUnit XML.")
    Path junitXml;

    @Option(names = "--json", description = "Print the comparison as JSON instead of the table.")
    boolean json;

    @Mixin
    JudgeService judge;

    @Override
    public Integer call() throws IOException {
        if (failOnRegression != null) {
            RegressionGate.allowedDrop(failOnRegression);
        }
        JsonNode body = new PlatformClient()
                .get(judge.resolve(String.format(
                        Locale.ROOT,
                        "reports/compare/paired?base=%s&candidate=%s&regression=%s&limit=%d",
                        JudgeService.encode(base),
                        JudgeService.encode(candidate),
                        regression,
                        limit)));
        PairedRunComparison comparison = JSON.treeToValue(body, PairedRunComparison.class);
        System.out.print(
                json
                        ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body) + "\n"
                        : PairedText.render(comparison));
        if (failOnRegression == null) {
            return 0;
        }
        List<Verdict> verdicts = RegressionGate.check(comparison, failOnRegression, gateBy);
        System.out.print(RegressionGate.summary(comparison, verdicts));
        if (junitXml != null) {
            Gates.writeJunitXml(junitXml, RegressionGate.junitXml(comparison, verdicts));
        }
        return Gates.passed(verdicts) ? 0 : Gates.FAILED;
    }
}
