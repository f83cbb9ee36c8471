package io.penguin.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The seven high-risk domains of PENGUIN, in the order of the paper's tables. */
public enum Domain {
    RELATIONSHIP("Relationship"),
    CAREER("Career"),
    FINANCIAL("Financial"),
    SOCIAL("Social"),
    HEALTH("Health"),
    LIFE("Life"),
    EDUCATION("Education");

    private final String label;

    Domain(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static Domain fromLabel(String text) {
        if (text != null) {
            for (Domain domain : values()) {
                if (domain.label.equalsIgnoreCase(text.trim()) || domain.name().equalsIgnoreCase(text.trim())) {
                    return domain;
                }
            }
        }
        throw new IllegalArgumentException("unknown domain '" + text + "'; expected one of "
                + Arrays.stream(values()).map(Domain::label).collect(Collectors.joining(", ")));
    }
}
