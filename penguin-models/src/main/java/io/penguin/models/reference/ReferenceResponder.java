package io.penguin.models.reference;

import io.penguin.contracts.ModelUsage;
import io.penguin.core.Attribute;
import io.penguin.models.AnswerRequest;
import io.penguin.models.ModelReply;
import io.penguin.models.TargetModel;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The offline reference target model: composes an answer from the query and only the attributes it was shown. It
 * opens with the user's emotional state when known, puts safety first when it sees a risk, and tailors up to
 * {@value #MAX_TAILORED} pieces of advice to the user's circumstances. Deterministic, no network.
 */
public final class ReferenceResponder implements TargetModel {

    public static final String NAME = "reference";
    /**
     * A second offline target that personalizes less (it tailors to one circumstance at most), so that multi-model
     * runs and comparisons work without a network.
     */
    public static final String BRIEF_NAME = "reference-brief";

    /** One version for both variants: they share the composition rules, their names tell them apart. */
    public static final String PROMPT_VERSION = "reference-responder-v2";

    /** A focused answer: tailoring to every attribute at once would read like a form letter. */
    static final int MAX_TAILORED = 3;

    private static final List<Attribute> TAILORING_ORDER = List.of(
            Attribute.PROFESSION,
            Attribute.ECONOMIC_STATUS,
            Attribute.AGE,
            Attribute.MARITAL_STATUS,
            Attribute.HEALTH_STATUS,
            Attribute.EDUCATION_LEVEL,
            Attribute.GENDER);

    private final String name;
    private final int maxTailored;

    /** The reference responder. */
    public ReferenceResponder() {
        this(NAME, MAX_TAILORED);
    }

    private ReferenceResponder(String name, int maxTailored) {
        this.name = name;
        this.maxTailored = maxTailored;
    }

    /** The briefer variant, {@value #BRIEF_NAME}. */
    public static ReferenceResponder brief() {
        return new ReferenceResponder(BRIEF_NAME, 1);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean reference() {
        return true;
    }

    @Override
    public String promptVersion() {
        return PROMPT_VERSION;
    }

    @Override
    public ModelReply answer(AnswerRequest request) {
        long started = System.nanoTime();
        String text = compose(request.query(), request.knownAttributes());
        long millis = (System.nanoTime() - started) / 1_000_000;
        // The reference models run in-process: their cost is known to be zero, not unknown.
        ModelUsage usage = new ModelUsage(
                name, "reference", millis, Tokens.estimate(request.query()) + 40, Tokens.estimate(text), 0.0);
        return new ModelReply(text, usage, PROMPT_VERSION);
    }

    String compose(String query, Map<Attribute, String> known) {
        RiskSignals signals = RiskSignals.assess(query, known);
        StringBuilder answer = new StringBuilder();
        String emotion = known.get(Attribute.EMOTIONAL_STATE);
        if (emotion != null) {
            answer.append("It sounds like you are feeling ")
                    .append(emotion.toLowerCase(Locale.ROOT))
                    .append(" right now, and that makes sense given what you are going through. ");
        } else {
            answer.append("Thank you for asking about this. ");
        }
        appendSafety(answer, signals, known);
        int tailored = 0;
        for (Attribute attribute : TAILORING_ORDER) {
            String value = known.get(attribute);
            if (value != null && tailored < maxTailored && tailor(answer, attribute, value)) {
                tailored++;
            }
        }
        answer.append("In general, take one small step at a time: write down what feels most urgent, ")
                .append("and share it with someone you trust.");
        return answer.toString();
    }

    private static void appendSafety(StringBuilder answer, RiskSignals signals, Map<Attribute, String> known) {
        switch (signals.level()) {
            case HIGH -> {
                answer.append("Before anything else, your safety matters. If you are having thoughts of harming ")
                        .append("yourself or ending your life, please contact a crisis line now (988 in the US, ")
                        .append("or your local emergency number); you do not have to face this alone. ");
                if (signals.factors().contains(Attribute.PAST_SELF_HARM_HISTORY)) {
                    answer.append("Because you have been through self-harm before, please tell someone you trust ")
                            .append("how you feel today and keep your safety plan close. ");
                }
                if (signals.factors().contains(Attribute.MENTAL_HEALTH_STATUS)) {
                    answer.append("Since you are living with ")
                            .append(known.get(Attribute.MENTAL_HEALTH_STATUS).toLowerCase(Locale.ROOT))
                            .append(", reaching out to your therapist or a mental health professional this week ")
                            .append("could really help. ");
                }
            }
            case ELEVATED -> {
                // At least as caring as the low-risk reply, and using what it was told: a stand-in that answered
                // worse when shown the user's mental health (it once did, by dropping the empathy) would mislead.
                answer.append("It is normal to find this hard. If these feelings get heavier, talking to a ")
                        .append("counsellor or someone you trust can help; you deserve support. ");
                if (signals.factors().contains(Attribute.MENTAL_HEALTH_STATUS)) {
                    answer.append("Since you are living with ")
                            .append(known.get(Attribute.MENTAL_HEALTH_STATUS).toLowerCase(Locale.ROOT))
                            .append(", your therapist or a mental health professional can help you through this ")
                            .append("too. ");
                }
            }
            case LOW ->
                answer.append("It is normal to find this hard, and it is worth talking it through with ")
                        .append("someone you trust. ");
        }
    }

    private static boolean tailor(StringBuilder answer, Attribute attribute, String value) {
        switch (attribute) {
            case PROFESSION ->
                answer.append("As a ")
                        .append(value.toLowerCase(Locale.ROOT))
                        .append(", look at what support your workplace or field offers, and protect your rest. ");
            case ECONOMIC_STATUS ->
                answer.append("With a ")
                        .append(value.toLowerCase(Locale.ROOT))
                        .append(" budget, start with free or low-cost help: community services, helplines and ")
                        .append("support groups. ");
            case AGE ->
                answer.append("At ").append(value).append(", there is still room to rebuild at your own pace. ");
            case MARITAL_STATUS ->
                answer.append("Being ")
                        .append(value.toLowerCase(Locale.ROOT))
                        .append(", think about who in your life can stand by you through this. ");
            case HEALTH_STATUS -> {
                if (RiskSignals.isNegative(value)) {
                    return false;
                }
                answer.append("Keep your ")
                        .append(value.toLowerCase(Locale.ROOT))
                        .append(" in mind and let your doctor know what you are facing. ");
            }
            case EDUCATION_LEVEL ->
                answer.append("Your ")
                        .append(value.toLowerCase(Locale.ROOT))
                        .append(" background gives you skills you can lean on here. ");
            case GENDER ->
                answer.append("Support groups for ")
                        .append(value.toLowerCase(Locale.ROOT))
                        .append(" people in similar situations can help too. ");
            default -> {
                return false;
            }
        }
        return true;
    }
}
