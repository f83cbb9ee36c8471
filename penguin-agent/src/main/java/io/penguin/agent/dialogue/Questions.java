package io.penguin.agent.dialogue;

import io.penguin.core.Attribute;

/**
 * The agent's questions as put to a person: one attribute each, plain, and gentle for the health facts (the user may
 * always skip or decline, and the sensitive ones say so).
 */
public final class Questions {

    private Questions() {}

    public static String about(Attribute attribute) {
        return switch (attribute) {
            case AGE -> "May I ask how old you are?";
            case GENDER -> "How do you describe your gender?";
            case MARITAL_STATUS -> "Are you single, in a relationship, married, or something else?";
            case PROFESSION -> "What do you do for work or study?";
            case ECONOMIC_STATUS -> "How are things for you financially at the moment?";
            case HEALTH_STATUS ->
                "How is your physical health these days? You don't have to go into detail, and you can skip this.";
            case EDUCATION_LEVEL -> "What is the highest level of education you have completed?";
            case MENTAL_HEALTH_STATUS ->
                "If you're comfortable sharing: are you living with a mental health condition, or getting support for"
                        + " one? It's completely fine to skip this.";
            case PAST_SELF_HARM_HISTORY ->
                "This one is personal, and you don't have to answer: have you ever hurt yourself, or had thoughts of"
                        + " doing so? Knowing helps me answer with care.";
            case EMOTIONAL_STATE -> "How have you been feeling lately?";
        };
    }
}
