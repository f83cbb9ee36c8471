package io.penguin.reports;

import io.penguin.core.Attribute;
import io.penguin.core.Condition;
import io.penguin.core.ConditionFamily;
import io.penguin.core.ConditionSpec;
import java.util.Comparator;

/** Report rows are condition families; this is their order and their names in the paper's vocabulary. */
public final class Families {

    public static final String CONTEXT_FREE = Condition.CONTEXT_FREE_ID;
    public static final String CONTEXT_RICH = Condition.CONTEXT_RICH_ID;
    public static final String STATIC_3 = Condition.STATIC_3_ID;
    public static final String RANDOM_3 = Condition.RANDOM_3;
    public static final String BEST_3 = Condition.BEST_3;
    public static final String AGENT = ConditionSpec.AGENT;
    public static final String PLANNER = ConditionSpec.PLANNER;

    /** Baseline first, full context, the 3-attribute strategies, the agent rows, then single attributes. */
    public static final Comparator<String> ORDER =
            Comparator.comparingInt(Families::rank).thenComparing(Comparator.naturalOrder());

    private Families() {}

    public static boolean single(String family) {
        return family.startsWith(Condition.SINGLE_PREFIX);
    }

    /** The attribute of a {@code single:<Attribute>} family. */
    public static String attributeOf(String family) {
        return family.substring(Condition.SINGLE_PREFIX.length());
    }

    public static boolean agentic(String family) {
        return ConditionFamily.agentic(family);
    }

    /** The row name of the RAISE table (paper: Vanilla, +Agent, +Planner); the family id elsewhere. */
    public static String raiseLabel(String family) {
        return switch (family) {
            case CONTEXT_FREE -> "Vanilla";
            case AGENT -> "+Agent";
            case PLANNER -> "+Planner";
            default -> family;
        };
    }

    private static int rank(String family) {
        return switch (family) {
            case CONTEXT_FREE -> 0;
            case CONTEXT_RICH -> 1;
            case STATIC_3 -> 2;
            case RANDOM_3 -> 3;
            case BEST_3 -> 4;
            case AGENT -> 5;
            case PLANNER -> 6;
            default -> {
                if (single(family)) {
                    try {
                        yield 10 + Attribute.fromLabel(attributeOf(family)).ordinal();
                    } catch (IllegalArgumentException e) {
                        yield 30;
                    }
                }
                yield 40;
            }
        };
    }
}
