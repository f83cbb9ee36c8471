package io.penguin.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a target model may see of the profile when it answers. Written as a stable id: {@code context-free},
 * {@code context-rich}, {@code single:<Attribute>} or {@code static-3}.
 *
 * @param id the canonical id, used in work-item identities and reports
 * @param visible the attributes the responder may see
 */
public record Condition(String id, Set<Attribute> visible) {

    public static final String CONTEXT_FREE_ID = "context-free";
    public static final String CONTEXT_RICH_ID = "context-rich";
    public static final String STATIC_3_ID = "static-3";
    public static final String SINGLE_PREFIX = "single:";

    public static final Condition CONTEXT_FREE = new Condition(CONTEXT_FREE_ID, EnumSet.noneOf(Attribute.class));
    public static final Condition CONTEXT_RICH = new Condition(CONTEXT_RICH_ID, EnumSet.allOf(Attribute.class));
    public static final Condition STATIC_3 = new Condition(STATIC_3_ID, EnumSet.copyOf(Attribute.STATIC_TOP_3));

    public Condition {
        visible = Set.copyOf(visible);
    }

    public static Condition single(Attribute attribute) {
        return new Condition(SINGLE_PREFIX + attribute.label(), EnumSet.of(attribute));
    }

    /** Parses a condition id; the error lists the forms accepted. */
    @JsonCreator
    public static Condition parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("condition is missing; " + accepted());
        }
        String id = text.trim();
        if (id.equalsIgnoreCase(CONTEXT_FREE_ID)) {
            return CONTEXT_FREE;
        }
        if (id.equalsIgnoreCase(CONTEXT_RICH_ID)) {
            return CONTEXT_RICH;
        }
        if (id.equalsIgnoreCase(STATIC_3_ID)) {
            return STATIC_3;
        }
        if (id.regionMatches(true, 0, SINGLE_PREFIX, 0, SINGLE_PREFIX.length())) {
            return single(Attribute.fromLabel(id.substring(SINGLE_PREFIX.length())));
        }
        throw new IllegalArgumentException("unknown condition '" + text + "'; " + accepted());
    }

    private static String accepted() {
        return "expected context-free, context-rich, static-3 or single:<attribute> with an attribute among "
                + Attribute.labels();
    }

    /** The visible attributes in the canonical attribute order. */
    public List<Attribute> visibleInOrder() {
        return Arrays.stream(Attribute.values()).filter(visible::contains).toList();
    }

    @JsonValue
    @Override
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
