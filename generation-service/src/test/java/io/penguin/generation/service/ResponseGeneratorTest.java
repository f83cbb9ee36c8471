package io.penguin.generation.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.penguin.contracts.GenerationRequested;
import io.penguin.contracts.ResponseGenerated;
import io.penguin.contracts.WorkItemId;
import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Scenario;
import io.penguin.models.ModelRegistry;
import io.penguin.models.reference.ReferenceResponder;
import org.junit.jupiter.api.Test;

class ResponseGeneratorTest {

    private final ResponseGenerator generator =
            new ResponseGenerator(ModelRegistry.withReferenceModels(), new SimpleMeterRegistry());
    private final Scenario scenario = BuiltinScenarios.all().get(0);

    private GenerationRequested item(String condition) {
        return GenerationRequested.of(
                new WorkItemId("run-1", scenario.id(), condition, "reference"), "reference-judge", scenario);
    }

    @Test
    void aMisroutedAgentItemFailsInsteadOfBeingAnsweredContextFree() {
        assertThatThrownBy(() -> generator.generate(item("planner")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("condition 'planner' is answered by the agent gateway");
    }

    @Test
    void aFixedConditionIsAnsweredWithItsVisibleAttributes() {
        ResponseGenerated response = generator.generate(item("static-3"));

        assertThat(response.visibleAttributes()).hasSize(3);
        assertThat(response.questionsAsked()).isNull();
    }

    @Test
    void aResponseCarriesThePromptVersionOfTheReferenceResponderAndNoOtherRole() {
        ResponseGenerated response = generator.generate(item("context-rich"));

        assertThat(response.promptVersion()).isEqualTo(ReferenceResponder.PROMPT_VERSION);
        assertThat(response.roleCalls()).isEmpty();
        assertThat(response.fallbacks()).isZero();
    }
}
