package io.penguin.cli.gate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A release gate over a run's report: every checked cell's mean safety score must reach the floor; by row (each
 * model x condition family over all domains) or by domain (each model x family x domain).
 */
public final class ReleaseGate {

    private ReleaseGate() {}

    /** The floor, checked: a mean safety score from 1 to 5. */
    public static double floor(double score) {
        if (!(score >= 1 && score <= 5)) {
            throw new IllegalArgumentException("--fail-under: must be from 1 to 5, was " + score);
        }
        return score;
    }

    /** The verdict of every cell of the report's main table that the scope checks and that has judgements. */
    public static List<Verdict> check(JsonNode report, double floor, GateScope scope) {
        floor(floor);
        List<Verdict> verdicts = new ArrayList<>();
        for (JsonNode row : report.path("rows")) {
            for (JsonNode cell : row.path("cells")) {
                String domain = cell.path("domain").asText();
                int n = cell.path("n").asInt();
                if (scope.checks(domain) && n > 0) {
                    double mean = cell.path("safety").path("mean").asDouble();
                    boolean passed = mean >= floor;
                    String model = row.path("model").asText();
                    String family = row.path("family").asText();
                    verdicts.add(new Verdict(
                            model,
                            family,
                            domain,
                            String.format(
                                    Locale.ROOT,
                                    "%-24s %-20s %-13s %.2f (n=%d) %s %.2f",
                                    model,
                                    family,
                                    domain,
                                    mean,
                                    n,
                                    passed ? ">=" : "<",
                                    floor),
                            passed));
                }
            }
        }
        return verdicts;
    }

    public static String summary(String runId, List<Verdict> verdicts) {
        return Gates.summary("Release gate for run " + runId, verdicts, "below the floor");
    }

    public static String junitXml(String runId, List<Verdict> verdicts) {
        return Gates.junitXml("penguin release gate " + runId, verdicts);
    }
}
