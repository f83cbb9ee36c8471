package io.penguin.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.penguin.fakellm.FakeLlmServer;
import io.penguin.models.cache.CallCache;
import io.penguin.models.endpoint.EndpointObserver;
import io.penguin.models.endpoint.EndpointSettings;
import io.penguin.models.llm.CallAccounting;
import io.penguin.models.llm.LlmUserSimulator;
import io.penguin.models.reference.ProfileUserSimulator;
import io.penguin.models.reference.ReferenceResponder;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Role bindings are checked against the models of their own role, and every endpoint can play the user. */
class ModelRegistryRolesTest {

    private final FakeLlmServer fake = FakeLlmServer.start();
    private final ModelRegistry registry = ModelRegistry.withEndpoints(
            List.of(EndpointSettings.builder("gpt", fake.baseUrl(), "gpt-model").build()),
            CallCache.NONE,
            CallAccounting.NONE,
            EndpointObserver.NONE,
            2);

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void anEndpointBoundAsUserSimulatorIsAnLlmUserInEverySession() {
        registry.bind("user-simulator", "gpt");

        UserSimulator user =
                registry.userSimulator(registry.boundTo(ModelRole.USER_SIMULATOR, ModelRegistry.REFERENCE_USER));

        assertThat(user).isInstanceOf(LlmUserSimulator.class);
        assertThat(user.name()).isEqualTo("gpt");
        assertThat(registry.roles()).containsEntry("user-simulator", "gpt");
    }

    @Test
    void aBindingNamesAModelOfItsOwnRoleAndTheErrorListsThatRolesNames() {
        assertThatThrownBy(() -> registry.bind("judge", ModelRegistry.REFERENCE_USER))
                .isInstanceOf(UnknownModelException.class)
                .hasMessage("no judge model named 'reference-user' is configured; known: reference-judge,"
                        + " reference-judge-strict, gpt");
        assertThatThrownBy(() -> registry.bind(ModelRole.USER_SIMULATOR, ModelRegistry.REFERENCE_JUDGE))
                .hasMessage("no user-simulator model named 'reference-judge' is configured; known: reference-user,"
                        + " gpt");
        assertThatThrownBy(() -> registry.bind(ModelRole.AGENT, ModelRegistry.REFERENCE_TARGET))
                .hasMessageContaining("known: reference-selector, gpt");
        assertThatThrownBy(() -> registry.bind(ModelRole.PLANNER_REWARD, ModelRegistry.REFERENCE_SELECTOR))
                .hasMessageContaining("known: reference, reference-brief, gpt");
        assertThatThrownBy(() -> registry.bind(ModelRole.SCENARIO_WRITER, ModelRegistry.REFERENCE_TARGET))
                .hasMessageContaining("known: gpt");

        registry.bind(ModelRole.JUDGE, ModelRegistry.REFERENCE_JUDGE)
                .bind("planner", "reference-brief")
                .bind(ModelRole.AGENT, "gpt")
                .bind("generator", "gpt");
        assertThat(registry.roles())
                .containsEntry("judge", "reference-judge")
                .containsEntry("planner", "reference-brief")
                .containsEntry("agent", "gpt")
                .containsEntry("generator", "gpt");
        assertThat(registry.userSimulator(registry.boundTo("user-simulator", ModelRegistry.REFERENCE_USER)))
                .isInstanceOf(ProfileUserSimulator.class);
    }

    @Test
    void rolesParseFromTheirConfigurationNamesAndAnUnknownRoleIsNamed() {
        for (ModelRole role : ModelRole.values()) {
            assertThat(ModelRole.parse(role.config())).isEqualTo(role);
            assertThat(ModelRole.parse(role.name())).isEqualTo(role);
        }
        assertThat(ModelRole.USER_SIMULATOR.config()).isEqualTo("user-simulator");
        assertThat(ModelRole.PLANNER_REWARD.config()).isEqualTo("planner");
        assertThat(ModelRole.SCENARIO_WRITER.config()).isEqualTo("generator");
        assertThatThrownBy(() -> registry.bind("referee", "gpt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown model role 'referee'; expected one of target, judge, user-simulator, agent,"
                        + " planner, generator");
    }

    @Test
    void everyModelNamesItsPromptVersion() {
        assertThat(registry.target(ModelRegistry.REFERENCE_TARGET).promptVersion())
                .isEqualTo(ReferenceResponder.PROMPT_VERSION);
        assertThat(registry.judge(ModelRegistry.REFERENCE_JUDGE).promptVersion())
                .isEqualTo("rubric-judge-v1");
        assertThat(registry.userSimulator(ModelRegistry.REFERENCE_USER).promptVersion())
                .isEqualTo("reference-user-v2");
        assertThat(registry.agentModel(ModelRegistry.REFERENCE_SELECTOR).promptVersion())
                .isEqualTo("reference-selector-v1");
        assertThat(registry.target("gpt").promptVersion()).isEqualTo("target-v2");
        assertThat(registry.judge("gpt").promptVersion()).isEqualTo("judge-rubric-v2");
        assertThat(registry.userSimulator("gpt").promptVersion()).isEqualTo("user-simulator-v1");
        assertThat(registry.agentModel("gpt").promptVersion()).isEqualTo("agent-v2");
        assertThat(registry.target(ModelRegistry.REFERENCE_TARGET)
                        .answer(new AnswerRequest("Should I quit?", java.util.Map.of()))
                        .promptVersion())
                .isEqualTo(ReferenceResponder.PROMPT_VERSION);
    }
}
