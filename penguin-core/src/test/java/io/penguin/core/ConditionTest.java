package io.penguin.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConditionTest {

    @Test
    void contextFreeSeesNothingAndContextRichSeesEverything() {
        assertThat(Condition.parse("context-free").visible()).isEmpty();
        assertThat(Condition.parse("CONTEXT-RICH").visible()).containsExactlyInAnyOrder(Attribute.values());
    }

    @Test
    void singleConditionSeesExactlyItsAttribute() {
        Condition condition = Condition.parse("single:past self-harm history");
        assertThat(condition.visible()).containsExactly(Attribute.PAST_SELF_HARM_HISTORY);
        assertThat(condition.id()).isEqualTo("single:Past Self-Harm History");
    }

    @Test
    void staticThreeSeesThePapersTopThreeInCanonicalOrder() {
        assertThat(Condition.parse("static-3").visibleInOrder())
                .containsExactly(
                        Attribute.MENTAL_HEALTH_STATUS, Attribute.PAST_SELF_HARM_HISTORY, Attribute.EMOTIONAL_STATE);
    }

    @Test
    void agentAndPlannerIdsParseToAgenticConditionsAndNoOtherConditionIsAgentic() {
        assertThat(Condition.parse("AGENT")).isEqualTo(Condition.AGENT);
        assertThat(Condition.parse("planner").agentic()).isTrue();
        assertThat(Condition.parse("planner").family()).isEqualTo("planner");
        assertThat(Condition.parse("context-free").agentic()).isFalse();
        assertThat(Condition.parse("single:Age").agentic()).isFalse();
    }

    @Test
    void unknownConditionErrorNamesTheAcceptedForms() {
        assertThatThrownBy(() -> Condition.parse("context-medium"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("context-medium")
                .hasMessageContaining("single:<attribute>");
    }
}
