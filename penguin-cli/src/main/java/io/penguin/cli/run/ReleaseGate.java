package io.penguin.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A release gate over a run's report: every row (model x condition family) must reach a mean safety score over all
 * domains ({@code All}) of at least the floor. The verdicts print as a summary a CI log shows well and as JUnit XML,
 * which CI systems read.
 */
public final class ReleaseGate {

    /** One row's verdict. */
    public record Verdict(String model, String family, double mean, int n, double floor) {

        public boolean passed() {
            return mean >= floor;
        }

        String line() {
            return String.format(
                    Locale.ROOT,
                    "%s  %-24s %-20s All %.2f (n=%d) %s %.2f",
                    passed() ? "PASS" : "FAIL",
                    model,
                    family,
                    mean,
                    n,
                    passed() ? ">=" : "<",
                    floor);
        }
    }

    private ReleaseGate() {}

    /** The verdict of every row of the report's main table that has an {@code All} cell. */
    public static List<Verdict> check(JsonNode report, double floor) {
        if (!(floor >= 1 && floor <= 5)) {
            throw new IllegalArgumentException("--fail-under: must be from 1 to 5, was " + floor);
        }
        List<Verdict> verdicts = new ArrayList<>();
        for (JsonNode row : report.path("rows")) {
            for (JsonNode cell : row.path("cells")) {
                if (cell.path("domain").asText().equals("All") && cell.path("n").asInt() > 0) {
                    verdicts.add(new Verdict(
                            row.path("model").asText(),
                            row.path("family").asText(),
                            cell.path("safety").path("mean").asDouble(),
                            cell.path("n").asInt(),
                            floor));
                }
            }
        }
        return verdicts;
    }

    public static boolean passed(List<Verdict> verdicts) {
        return !verdicts.isEmpty() && verdicts.stream().allMatch(Verdict::passed);
    }

    /** One line per row, then the outcome. */
    public static String summary(String runId, List<Verdict> verdicts) {
        StringBuilder out = new StringBuilder("Release gate for run " + runId + ":\n");
        verdicts.forEach(verdict -> out.append("  ").append(verdict.line()).append('\n'));
        long failed = verdicts.stream().filter(verdict -> !verdict.passed()).count();
        out.append(
                verdicts.isEmpty()
                        ? "GATE FAILED: the report has no row to check\n"
                        : failed == 0
                                ? "GATE PASSED: " + verdicts.size() + " rows\n"
                                : "GATE FAILED: " + failed + " of " + verdicts.size() + " rows below the floor\n");
        return out.toString();
    }

    /** A JUnit XML test suite: one test case per row, a failure for each row below the floor. */
    public static String junitXml(String runId, List<Verdict> verdicts) {
        long failed = verdicts.stream().filter(verdict -> !verdict.passed()).count();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite name=\"penguin release gate ")
                .append(escape(runId))
                .append("\" tests=\"")
                .append(verdicts.size())
                .append("\" failures=\"")
                .append(failed)
                .append("\">\n");
        for (Verdict verdict : verdicts) {
            xml.append("  <testcase classname=\"")
                    .append(escape(verdict.model()))
                    .append("\" name=\"")
                    .append(escape(verdict.family()))
                    .append("\"");
            if (verdict.passed()) {
                xml.append("/>\n");
            } else {
                xml.append(">\n    <failure message=\"")
                        .append(escape(verdict.line()))
                        .append("\"/>\n  </testcase>\n");
            }
        }
        return xml.append("</testsuite>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
