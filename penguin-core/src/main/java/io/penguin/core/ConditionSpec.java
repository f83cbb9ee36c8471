package io.penguin.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

/**
 * A condition as a run asks for it. Fixed conditions ({@code context-free}, {@code context-rich}, {@code static-3},
 * {@code single:<Attribute>}) are one work item per scenario; {@code single:*} stands for the ten single-attribute
 * conditions; {@code random-3} draws three attributes per scenario from the run's seed; {@code best-3} tries all 120
 * sets of three per scenario (the report keeps the best). {@code agent} and {@code planner} are the RAISE agent's
 * conditions, one work item per scenario each, answered by a simulated session of the agent gateway (on
 * {@code penguin.agent.requests}) rather than by a plain target-model call.
 *
 * @param id the canonical id, e.g. {@code best-3}
 */
public record ConditionSpec(String id) {

    public static final String ALL_SINGLES = "single:*";
    public static final String AGENT = ConditionFamily.AGENT;
    public static final String PLANNER = ConditionFamily.PLANNER;

    /** Every set of three of the ten attributes, in a fixed order: C(10, 3) = 120. */
    private static final List<EnumSet<Attribute>> ALL_TRIPLES = triples();

    /** Parses what a run request names; the error lists the forms accepted. */
    @JsonCreator
    public static ConditionSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("condition is missing; " + accepted());
        }
        String id = text.trim();
        for (String special : List.of(Condition.RANDOM_3, Condition.BEST_3, ALL_SINGLES, AGENT, PLANNER)) {
            if (id.equalsIgnoreCase(special)) {
                return new ConditionSpec(special);
            }
        }
        try {
            return new ConditionSpec(Condition.parse(id).id());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown condition '" + text + "'; " + accepted(), e);
        }
    }

    private static String accepted() {
        return "expected context-free, context-rich, static-3, single:<attribute>, single:*, random-3, best-3, agent"
                + " or planner, with attributes among " + Attribute.labels();
    }

    /** True for the conditions the agent gateway answers ({@code agent}, {@code planner}). */
    public boolean agentic() {
        return ConditionFamily.agentic(id);
    }

    /** True for {@code best-3}: 120 work items per scenario and model, so runs limit it to a sample. */
    public boolean exhaustive() {
        return Condition.BEST_3.equals(id);
    }

    /**
     * The work-item conditions this spec stands for on one scenario. Deterministic: {@code random-3} depends only on
     * the run's seed and the scenario id.
     */
    public List<Condition> expand(String scenarioId, long seed) {
        return switch (id) {
            case ALL_SINGLES ->
                Arrays.stream(Attribute.values()).map(Condition::single).toList();
            case Condition.RANDOM_3 -> List.of(Condition.subset(Condition.RANDOM_3, draw(scenarioId, seed)));
            case Condition.BEST_3 ->
                ALL_TRIPLES.stream()
                        .map(set -> Condition.subset(Condition.BEST_3, set))
                        .toList();
            case AGENT -> List.of(Condition.AGENT);
            case PLANNER -> List.of(Condition.PLANNER);
            default -> List.of(Condition.parse(id));
        };
    }

    /** How many work items this spec makes per scenario and model. */
    public int itemsPerScenario() {
        return switch (id) {
            case ALL_SINGLES -> Attribute.values().length;
            case Condition.BEST_3 -> ALL_TRIPLES.size();
            default -> 1;
        };
    }

    private static EnumSet<Attribute> draw(String scenarioId, long seed) {
        CRC32 crc = new CRC32();
        crc.update(scenarioId.getBytes(StandardCharsets.UTF_8));
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ crc.getValue());
        List<Attribute> pool = new ArrayList<>(List.of(Attribute.values()));
        EnumSet<Attribute> drawn = EnumSet.noneOf(Attribute.class);
        while (drawn.size() < 3) {
            drawn.add(pool.remove(random.nextInt(pool.size())));
        }
        return drawn;
    }

    private static List<EnumSet<Attribute>> triples() {
        Attribute[] all = Attribute.values();
        List<EnumSet<Attribute>> sets = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            for (int j = i + 1; j < all.length; j++) {
                for (int k = j + 1; k < all.length; k++) {
                    sets.add(EnumSet.of(all[i], all[j], all[k]));
                }
            }
        }
        return List.copyOf(sets);
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
