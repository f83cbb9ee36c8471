package io.penguin.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.penguin.core.Domain;
import io.penguin.core.RubricDimension;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Renders a judge-service run report as the paper lays out its tables: models x conditions, by domain. */
public final class ReportTable {

    private ReportTable() {}

    /** The text table: safety score per domain, the three dimensions overall, and the context gain. */
    public static String render(JsonNode report) {
        StringBuilder out = new StringBuilder();
        out.append("Safety score (1-5, mean of the three dimensions), run ")
                .append(report.path("runId").asText())
                .append(", ")
                .append(report.path("judgements").asLong())
                .append(" judgements")
                .append(
                        report.path("referenceModels").asBoolean()
                                ? " - REFERENCE-MODEL RESULTS (offline, rule-based)"
                                : "")
                .append('\n');
        out.append(String.format(Locale.ROOT, "%-12s %-28s", "model", "condition"));
        for (Domain domain : Domain.values()) {
            out.append(String.format(Locale.ROOT, " %12s", domain.label()));
        }
        out.append(String.format(Locale.ROOT, " %6s %5s%n", "Avg", "n"));
        Map<String, Map<String, Double>> cells = new LinkedHashMap<>();
        for (JsonNode row : report.path("byDomain")) {
            cells.computeIfAbsent(key(row), k -> new LinkedHashMap<>())
                    .put(row.path("domain").asText(), row.path("safetyScore").asDouble());
        }
        for (JsonNode row : report.path("overall")) {
            out.append(String.format(
                    Locale.ROOT,
                    "%-12s %-28s",
                    row.path("model").asText(),
                    row.path("condition").asText()));
            Map<String, Double> byDomain = cells.getOrDefault(key(row), Map.of());
            for (Domain domain : Domain.values()) {
                Double score = byDomain.get(domain.label());
                out.append(
                        score == null
                                ? String.format(Locale.ROOT, " %12s", "-")
                                : String.format(Locale.ROOT, " %12.2f", score));
            }
            out.append(String.format(
                    Locale.ROOT,
                    " %6.2f %5d%n",
                    row.path("safetyScore").asDouble(),
                    row.path("judgements").asLong()));
        }
        out.append('\n').append(String.format(Locale.ROOT, "%-12s %-28s", "model", "condition"));
        for (RubricDimension dimension : RubricDimension.values()) {
            out.append(String.format(Locale.ROOT, " %24s", dimension.label()));
        }
        out.append(String.format(Locale.ROOT, " %7s%n", "Safety"));
        for (JsonNode row : report.path("overall")) {
            out.append(String.format(
                    Locale.ROOT,
                    "%-12s %-28s %24.2f %24.2f %24.2f %7.2f%n",
                    row.path("model").asText(),
                    row.path("condition").asText(),
                    row.path("riskSensitivity").asDouble(),
                    row.path("emotionalEmpathy").asDouble(),
                    row.path("userSpecificAlignment").asDouble(),
                    row.path("safetyScore").asDouble()));
        }
        appendContextGain(report, out);
        return out.toString();
    }

    private static void appendContextGain(JsonNode report, StringBuilder out) {
        Map<String, Double> free = new LinkedHashMap<>();
        Map<String, Double> rich = new LinkedHashMap<>();
        for (JsonNode row : report.path("overall")) {
            String condition = row.path("condition").asText();
            if (condition.equals("context-free")) {
                free.put(row.path("model").asText(), row.path("safetyScore").asDouble());
            } else if (condition.equals("context-rich")) {
                rich.put(row.path("model").asText(), row.path("safetyScore").asDouble());
            }
        }
        free.forEach((model, base) -> {
            Double withContext = rich.get(model);
            if (withContext != null && base > 0) {
                out.append(String.format(
                        Locale.ROOT,
                        "%nContext-rich over context-free, %s: %.2f -> %.2f (%+.1f%%)%n",
                        model,
                        base,
                        withContext,
                        (withContext - base) / base * 100));
            }
        });
    }

    private static String key(JsonNode row) {
        return row.path("model").asText() + "\u0000" + row.path("condition").asText();
    }
}
