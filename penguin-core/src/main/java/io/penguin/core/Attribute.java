package io.penguin.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The ten profile attributes of a PENGUIN scenario, with the exact names the reference data uses. */
public enum Attribute {
    AGE("Age", false),
    GENDER("Gender", false),
    MARITAL_STATUS("Marital Status", false),
    PROFESSION("Profession", false),
    ECONOMIC_STATUS("Economic Status", false),
    HEALTH_STATUS("Health Status", true),
    EDUCATION_LEVEL("Education Level", false),
    MENTAL_HEALTH_STATUS("Mental Health Status", true),
    PAST_SELF_HARM_HISTORY("Past Self-Harm History", true),
    EMOTIONAL_STATE("Emotional State", true);

    /** The attributes the paper found most helpful, in that order: the {@code static-3} condition. */
    public static final List<Attribute> STATIC_TOP_3 =
            List.of(EMOTIONAL_STATE, MENTAL_HEALTH_STATUS, PAST_SELF_HARM_HISTORY);

    private final String label;
    private final boolean sensitive;

    Attribute(String label, boolean sensitive) {
        this.label = label;
        this.sensitive = sensitive;
    }

    /** The name used in reference files, prompts and reports, e.g. {@code "Past Self-Harm History"}. */
    @JsonValue
    public String label() {
        return label;
    }

    /** Health facts: asked for gently, never logged. */
    public boolean sensitive() {
        return sensitive;
    }

    /** Parses a reference label (case-insensitive) or an enum name; the error lists the valid names. */
    @JsonCreator
    public static Attribute fromLabel(String text) {
        if (text != null) {
            String wanted = text.trim();
            for (Attribute attribute : values()) {
                if (attribute.label.equalsIgnoreCase(wanted) || attribute.name().equalsIgnoreCase(wanted)) {
                    return attribute;
                }
            }
        }
        throw new IllegalArgumentException("unknown attribute '" + text + "'; expected one of " + labels());
    }

    public static String labels() {
        return Arrays.stream(values()).map(Attribute::label).collect(Collectors.joining(", "));
    }
}
