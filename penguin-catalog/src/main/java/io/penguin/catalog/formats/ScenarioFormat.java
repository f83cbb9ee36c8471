package io.penguin.catalog.formats;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The file formats the catalog imports and exports. */
public enum ScenarioFormat {
    /** Reference profiles file: a JSON array of objects with the ten attribute labels and {@code "Scenario"}. */
    PROFILES("application/json"),
    /**
     * Reference queries file: a JSON array of {@code {"Scenario", "User_Profile", "Queries"}}; the reference generator
     * repeats {@code "Scenario"} inside {@code User_Profile}.
     */
    QUERIES("application/json"),
    /** Ours: one scenario per line, {@code {"id", "domain", "subcategory", "issue", "query", "profile", ...}}. */
    JSONL("application/x-ndjson");

    private final String mediaType;

    ScenarioFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String mediaType() {
        return mediaType;
    }

    public String fileExtension() {
        return this == JSONL ? ".jsonl" : ".json";
    }

    public static ScenarioFormat parse(String text) {
        for (ScenarioFormat format : values()) {
            if (format.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return format;
            }
        }
        throw new IllegalArgumentException("format: unknown format '" + text + "'; expected one of "
                + Arrays.stream(values()).map(ScenarioFormat::id).collect(Collectors.joining(", ")));
    }
}
