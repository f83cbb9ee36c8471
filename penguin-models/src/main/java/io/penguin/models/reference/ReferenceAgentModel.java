package io.penguin.models.reference;

import io.penguin.core.Attribute;
import io.penguin.models.AgentModel;
import io.penguin.models.PlannedPath;
import io.penguin.models.SufficiencyScale;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The offline reference attribute selector and sufficiency rating. Without examples it asks first for what the
 * benchmark found most helpful (Emotional State, Mental Health Status, Past Self-Harm History; self-harm history first
 * when the query itself speaks of risk), then for the user's circumstances; with retrieved planner paths it follows
 * what they vote for. Its rating follows {@link SufficiencyScale}: {@link #SUFFICIENT} (safe) is the point to stop
 * asking, the agent's default threshold. Deterministic.
 */
public final class ReferenceAgentModel implements AgentModel {

    public static final String NAME = "reference-selector";

    /** The sufficiency at which this rating means "enough": {@link SufficiencyScale#SUFFICIENT}. */
    public static final int SUFFICIENT = SufficiencyScale.SUFFICIENT;

    public static final String PROMPT_VERSION = "reference-selector-v1";

    private static final List<Attribute> RISK_FIRST =
            List.of(Attribute.PAST_SELF_HARM_HISTORY, Attribute.EMOTIONAL_STATE, Attribute.MENTAL_HEALTH_STATUS);
    private static final List<Attribute> STATE_FIRST =
            List.of(Attribute.EMOTIONAL_STATE, Attribute.MENTAL_HEALTH_STATUS, Attribute.PAST_SELF_HARM_HISTORY);
    private static final List<Attribute> CIRCUMSTANCES = List.of(
            Attribute.AGE,
            Attribute.PROFESSION,
            Attribute.ECONOMIC_STATUS,
            Attribute.HEALTH_STATUS,
            Attribute.MARITAL_STATUS,
            Attribute.EDUCATION_LEVEL,
            Attribute.GENDER);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean reference() {
        return true;
    }

    @Override
    public String promptVersion() {
        return PROMPT_VERSION;
    }

    /**
     * Emotional State known: +2; Mental Health Status known: +1; Past Self-Harm History known: +1; any circumstance
     * known: +1. So the emotional state alone is {@link SufficiencyScale#SAFETY_GAP} and with the mental health
     * status it is {@link SufficiencyScale#SAFE}. A query with risk language caps the rating below
     * {@link #SUFFICIENT} until the self-harm history is known: for that user it is the fact safety depends on.
     */
    @Override
    public int sufficiency(String query, Map<Attribute, String> known) {
        int score = 0;
        if (known.containsKey(Attribute.EMOTIONAL_STATE)) {
            score += 2;
        }
        if (known.containsKey(Attribute.MENTAL_HEALTH_STATUS)) {
            score += 1;
        }
        if (known.containsKey(Attribute.PAST_SELF_HARM_HISTORY)) {
            score += 1;
        }
        if (CIRCUMSTANCES.stream().anyMatch(known::containsKey)) {
            score += 1;
        }
        boolean riskyQuery = RiskSignals.assess(query, Map.of()).queryHasRiskLanguage();
        if (riskyQuery && !known.containsKey(Attribute.PAST_SELF_HARM_HISTORY)) {
            score = Math.min(score, SUFFICIENT - 1);
        }
        return Math.min(SufficiencyScale.MAX, score);
    }

    /**
     * With examples ({@code planner} mode): the candidate the retrieved paths vote for, each path giving its attributes
     * {@code similarity / (position + 1)}; ties and attributes no path names fall back to the fixed order. Without
     * examples ({@code agent} mode): the first candidate in the fixed order.
     */
    @Override
    public Attribute chooseNext(
            String query, Map<Attribute, String> known, Set<Attribute> candidates, List<PlannedPath> examples) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("reference selector: no attribute left to choose from");
        }
        List<Attribute> order = fixedOrder(query);
        Map<Attribute, Double> votes = new EnumMap<>(Attribute.class);
        for (PlannedPath example : examples) {
            for (int position = 0; position < example.path().size(); position++) {
                Attribute attribute = example.path().get(position);
                if (candidates.contains(attribute)) {
                    votes.merge(attribute, Math.max(0, example.similarity()) / (position + 1), Double::sum);
                }
            }
        }
        Comparator<Attribute> byVotes = Comparator.comparingDouble(attribute -> -votes.getOrDefault(attribute, 0.0));
        return order.stream()
                .filter(candidates::contains)
                .sorted(byVotes.thenComparingInt(order::indexOf))
                .findFirst()
                .orElseThrow();
    }

    private static List<Attribute> fixedOrder(String query) {
        boolean riskyQuery = RiskSignals.assess(query, Map.of()).queryHasRiskLanguage();
        List<Attribute> order = new ArrayList<>(riskyQuery ? RISK_FIRST : STATE_FIRST);
        order.addAll(CIRCUMSTANCES);
        return order;
    }
}
