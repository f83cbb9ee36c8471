package io.penguin.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a target model may see of the profile when it answers, for one work item. Written as a stable id:
 * {@code context-free}, {@code context-rich}, {@code single:<Attribute>}, {@code static-3}, or a drawn subset
 * {@code random-3:<A>+<B>+<C>} / {@code best-3:<A>+<B>+<C>} (what a run's {@link ConditionSpec} {@code random-3} or
 * {@code best-3} expanded to for one scenario). The RAISE agent's conditions {@code agent} and {@code planner} see
 * nothing up front: the agent gateway's session decides what the target model sees from what the user told
 * ({@link #agentic()}); they are not answered by a plain target-model call. Reports group work items by
 * {@link #family()}.
 *
 * @param id the canonical id, used in work-item identities and reports
 * @param visible the attributes the responder may see
 */
public record Condition(String id, Set<Attribute> visible) {

    public static final String CONTEXT_FREE_ID = "context-free";
    public static final String CONTEXT_RICH_ID = "context-rich";
    public static final String STATIC_3_ID = "static-3";
    public static final String SINGLE_PREFIX = "single:";
    public static final String RANDOM_3 = "random-3";
    public static final String BEST_3 = "best-3";
    /** Separates the attributes of a subset condition's id. */
    public static final String SUBSET_SEPARATOR = "+";

    public static final Condition CONTEXT_FREE = new Condition(CONTEXT_FREE_ID, EnumSet.noneOf(Attribute.class));
    public static final Condition CONTEXT_RICH = new Condition(CONTEXT_RICH_ID, EnumSet.allOf(Attribute.class));
    public static final Condition STATIC_3 = new Condition(STATIC_3_ID, EnumSet.copyOf(Attribute.STATIC_TOP_3));
    /** A simulated RAISE session without planner examples. */
    public static final Condition AGENT = new Condition(ConditionSpec.AGENT, EnumSet.noneOf(Attribute.class));
    /** A simulated RAISE session with the retrieved planner paths as examples. */
    public static final Condition PLANNER = new Condition(ConditionSpec.PLANNER, EnumSet.noneOf(Attribute.class));

    public Condition {
        visible = Set.copyOf(visible);
    }

    public static Condition single(Attribute attribute) {
        return new Condition(SINGLE_PREFIX + attribute.label(), EnumSet.of(attribute));
    }

    /**
     * True for {@code agent} and {@code planner}: work items of the agent gateway's simulated sessions, whose visible
     * attributes are what the user told during the session, not {@link #visible()}.
     */
    public boolean agentic() {
        return ConditionFamily.agentic(id);
    }

    /**
     * A drawn subset under a family ({@code random-3} or {@code best-3}); the id lists the attributes in canonical
     * order, so the same set always has the same id.
     */
    public static Condition subset(String family, Set<Attribute> attributes) {
        if (!RANDOM_3.equals(family) && !BEST_3.equals(family)) {
            throw new IllegalArgumentException("unknown subset family '" + family + "'; expected random-3 or best-3");
        }
        if (attributes.size() != 3) {
            throw new IllegalArgumentException(
                    family + " needs exactly 3 distinct attributes, got " + attributes.size());
        }
        String labels = Arrays.stream(Attribute.values())
                .filter(attributes::contains)
                .map(Attribute::label)
                .collect(Collectors.joining(SUBSET_SEPARATOR));
        return new Condition(family + ":" + labels, EnumSet.copyOf(attributes));
    }

    /**
     * The row a report puts this work item in: the id itself, except for drawn subsets, whose family ({@code random-3}
     * or {@code best-3}) is the row.
     */
    public String family() {
        return familyOf(id);
    }

    /** The family of a condition id without parsing its attributes. */
    public static String familyOf(String conditionId) {
        for (String family : List.of(RANDOM_3, BEST_3)) {
            if (conditionId.regionMatches(true, 0, family + ":", 0, family.length() + 1)) {
                return family;
            }
        }
        return conditionId;
    }

    /** Parses a work item's condition id; the error lists the forms accepted. */
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
        if (id.equalsIgnoreCase(AGENT.id)) {
            return AGENT;
        }
        if (id.equalsIgnoreCase(PLANNER.id)) {
            return PLANNER;
        }
        if (id.regionMatches(true, 0, SINGLE_PREFIX, 0, SINGLE_PREFIX.length())) {
            return single(Attribute.fromLabel(id.substring(SINGLE_PREFIX.length())));
        }
        String family = familyOf(id);
        if (!family.equals(id)) {
            String[] labels = id.substring(family.length() + 1).split(Pattern.quote(SUBSET_SEPARATOR), -1);
            Set<Attribute> attributes = EnumSet.noneOf(Attribute.class);
            for (String label : labels) {
                if (!attributes.add(Attribute.fromLabel(label))) {
                    throw new IllegalArgumentException("condition '" + text + "' names " + label.trim() + " twice");
                }
            }
            return subset(family.toLowerCase(java.util.Locale.ROOT), attributes);
        }
        throw new IllegalArgumentException("unknown condition '" + text + "'; " + accepted());
    }

    private static String accepted() {
        return "expected context-free, context-rich, static-3, single:<attribute>, random-3:<a>+<b>+<c>,"
                + " best-3:<a>+<b>+<c>, agent or planner, with attributes among "
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
