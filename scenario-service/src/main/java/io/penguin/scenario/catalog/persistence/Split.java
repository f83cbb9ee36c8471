package io.penguin.scenario.catalog.persistence;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which half of the catalog a scenario belongs to: the planner learns on train, the agent is evaluated on test. */
public enum Split {
    TRAIN,
    TEST;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Split parse(String text) {
        for (Split split : values()) {
            if (split.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return split;
            }
        }
        throw new IllegalArgumentException("unknown split '" + text + "'; expected one of "
                + Arrays.stream(values()).map(Split::id).collect(Collectors.joining(", ")));
    }
}
