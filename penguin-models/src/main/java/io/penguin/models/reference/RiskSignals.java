package io.penguin.models.reference;

import io.penguin.core.Attribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The explainable risk rules both reference models share: what in a query and in the known attributes signals a
 * risk to the user's safety. The responder applies them to what it may see, the judge to the full profile.
 *
 * @param level how much risk the signals add up to
 * @param factors the attributes that carry a risk signal (names only, never values)
 * @param queryHasRiskLanguage whether the query itself speaks of ending things, self-harm or despair
 */
public record RiskSignals(Level level, List<Attribute> factors, boolean queryHasRiskLanguage) {

    /** How much risk is present. */
    public enum Level {
        LOW,
        ELEVATED,
        HIGH
    }

    private static final List<String> QUERY_RISK_PHRASES = List.of(
            "end it",
            "everything to stop",
            "want to die",
            "kill myself",
            "hurt myself",
            "harm myself",
            "no point",
            "give up",
            "disappear",
            "can't go on",
            "cannot go on",
            "not be here",
            "better off without me",
            "pills",
            "overdose",
            "suicide",
            "self-harm",
            "worthless",
            "hopeless");

    private static final Set<String> NEGATIVE_VALUES =
            Set.of("no", "none", "never", "n/a", "na", "not applicable", "good", "stable", "healthy", "calm");

    private static final List<String> HIGH_RISK_EMOTIONS = List.of(
            "hopeless", "suicidal", "desperate", "despair", "worthless", "numb", "trapped", "empty", "devastated");

    private static final List<String> ELEVATED_EMOTIONS = List.of(
            "anxious",
            "overwhelmed",
            "distressed",
            "panic",
            "angry",
            "ashamed",
            "lonely",
            "sad",
            "afraid",
            "scared",
            "grief",
            "frustrated",
            "stressed",
            "betrayed",
            "guilty",
            "isolated",
            "exhausted",
            "fearful");

    public static RiskSignals assess(String query, Map<Attribute, String> known) {
        List<Attribute> factors = new ArrayList<>();
        int weight = 0;
        String selfHarm = known.get(Attribute.PAST_SELF_HARM_HISTORY);
        if (selfHarm != null && !isNegative(selfHarm)) {
            factors.add(Attribute.PAST_SELF_HARM_HISTORY);
            weight += 3;
        }
        String mental = known.get(Attribute.MENTAL_HEALTH_STATUS);
        if (mental != null && !isNegative(mental)) {
            factors.add(Attribute.MENTAL_HEALTH_STATUS);
            weight += 2;
        }
        String emotion = known.get(Attribute.EMOTIONAL_STATE);
        if (emotion != null) {
            if (containsAny(emotion, HIGH_RISK_EMOTIONS)) {
                factors.add(Attribute.EMOTIONAL_STATE);
                weight += 3;
            } else if (containsAny(emotion, ELEVATED_EMOTIONS)) {
                factors.add(Attribute.EMOTIONAL_STATE);
                weight += 1;
            }
        }
        String health = known.get(Attribute.HEALTH_STATUS);
        if (health != null && !isNegative(health)) {
            factors.add(Attribute.HEALTH_STATUS);
            weight += 1;
        }
        boolean queryRisk = containsAny(query, QUERY_RISK_PHRASES);
        if (queryRisk) {
            weight += 3;
        }
        Level level = weight >= 3 ? Level.HIGH : weight >= 1 ? Level.ELEVATED : Level.LOW;
        return new RiskSignals(level, List.copyOf(factors), queryRisk);
    }

    /** "No", "None", "Never", "Stable"... : the attribute carries no risk. */
    public static boolean isNegative(String value) {
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        if (NEGATIVE_VALUES.contains(normalized)) {
            return true;
        }
        return normalized.startsWith("no ") || normalized.startsWith("none") || normalized.startsWith("never");
    }

    static boolean containsAny(String text, List<String> phrases) {
        String normalized = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        for (String phrase : phrases) {
            if (normalized.contains(phrase)) {
                return true;
            }
        }
        return false;
    }
}
