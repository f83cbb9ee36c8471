package io.penguin.scenario.catalog.persistence;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a catalog scenario came from; runs select by it, so the small built-in set stays selectable on its own. */
public enum ScenarioSource {
    /** The hand-written scenarios shipped with the platform. */
    BUILTIN,
    /** Made by the offline generator. */
    GENERATED,
    /** Imported from a reference-format or JSONL file. */
    IMPORTED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ScenarioSource parse(String text) {
        for (ScenarioSource source : values()) {
            if (source.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return source;
            }
        }
        throw new IllegalArgumentException("unknown source '" + text + "'; expected one of "
                + Arrays.stream(values()).map(ScenarioSource::id).collect(Collectors.joining(", ")) + " or any");
    }
}
