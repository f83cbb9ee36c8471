package io.penguin.cli.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.penguin.reports.RunComparison;
import io.penguin.reports.RunReport;
import io.penguin.reports.render.TextReport;

/** Reads judge-service's report JSON back into the report model and renders it as the terminal table. */
public final class ReportTable {

    private static final ObjectMapper MAPPER =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ReportTable() {}

    public static RunReport report(JsonNode json) {
        try {
            return MAPPER.treeToValue(json, RunReport.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(
                    "the report of run " + json.path("runId").asText() + " cannot be read: " + e.getOriginalMessage());
        }
    }

    public static RunComparison comparison(JsonNode json) {
        try {
            return MAPPER.treeToValue(json, RunComparison.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the run comparison cannot be read: " + e.getOriginalMessage());
        }
    }

    /** The paper-layout table, the dimensions, the comparisons and the usage. */
    public static String render(JsonNode json) {
        return TextReport.render(report(json));
    }
}
