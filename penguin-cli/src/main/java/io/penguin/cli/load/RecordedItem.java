package io.penguin.cli.load;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.penguin.core.Scenario;
import java.util.List;
import java.util.Objects;

/**
 * One work item of a recorded scenario stream: what to ask, under which condition, of which model, and when
 * (relative to the first item of the recording). A recording holds whole scenarios, profiles included: keep it where
 * sensitive data belongs.
 *
 * @param offsetMillis milliseconds after the first item of the recording (never negative, non-decreasing in a file)
 * @param scenario the scenario with its full profile
 * @param condition the work-item condition id, e.g. {@code context-free} or {@code single:Age}
 * @param model the target model the item was recorded with
 * @param judgeModel the judge the item was recorded with
 * @param panelJudges further judges of the item (usually empty)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecordedItem(
        long offsetMillis,
        Scenario scenario,
        String condition,
        String model,
        String judgeModel,
        List<String> panelJudges) {

    public RecordedItem {
        if (offsetMillis < 0) {
            throw new IllegalArgumentException("offsetMillis must not be negative, was " + offsetMillis);
        }
        Objects.requireNonNull(scenario, "scenario is missing");
        requireText(condition, "condition");
        requireText(model, "model");
        requireText(judgeModel, "judgeModel");
        panelJudges = panelJudges == null ? List.of() : List.copyOf(panelJudges);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is missing or blank");
        }
    }

    public RecordedItem withOffset(long offset) {
        return new RecordedItem(offset, scenario, condition, model, judgeModel, panelJudges);
    }
}
