package io.penguin.models.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.penguin.core.Attribute;
import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Scenario;
import io.penguin.fakellm.FakeLlmServer;
import io.penguin.fakellm.RoleAwareResponder;
import io.penguin.fakellm.RoleAwareResponder.Role;
import io.penguin.models.AnswerRequest;
import io.penguin.models.JudgeRequest;
import io.penguin.models.PlannedPath;
import io.penguin.models.UserAnswer;
import io.penguin.models.Verdict;
import io.penguin.models.cache.CallCache;
import io.penguin.models.endpoint.EndpointObserver;
import io.penguin.models.endpoint.EndpointSettings;
import io.penguin.models.endpoint.ModelEndpoint;
import io.penguin.models.reference.DeclinePropensity;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every LLM role of ours, through its real client over HTTP, against the role-aware fake: the fake recognises each
 * role prompt (by schema name, and by the system opening when the endpoint sends no schema) and each reply is one our
 * parsers accept, with no re-ask and no fallback.
 */
class RoleAwareFakeTest {

    private final FakeLlmServer fake = FakeLlmServer.roleAware();

    @AfterEach
    void stop() {
        fake.close();
    }

    private ModelCalls calls(boolean jsonSchema) {
        return new ModelCalls(
                ModelEndpoint.openAi(
                        EndpointSettings.builder("fake", fake.baseUrl(), "fake-model")
                                .maxRetries(0)
                                .jsonSchemaSupported(jsonSchema)
                                .build(),
                        EndpointObserver.NONE),
                CallCache.NONE,
                CallAccounting.NONE);
    }

    private Role lastRole() {
        List<JsonNode> bodies = fake.bodies();
        return RoleAwareResponder.roleOf(bodies.get(bodies.size() - 1));
    }

    @ParameterizedTest(name = "json schema sent: {0}")
    @ValueSource(booleans = {true, false})
    void everyRolePromptIsRecognisedAndAnsweredInAFormOurParsersAccept(boolean jsonSchema) {
        ModelCalls calls = calls(jsonSchema);
        LlmTargetModel target = new LlmTargetModel(calls);
        LlmJudgeModel judge = new LlmJudgeModel(calls, 0);
        LlmUserSimulator user = new LlmUserSimulator(calls, new DeclinePropensity(0, 1));
        LlmAgentModel agent = new LlmAgentModel(calls, 0);
        Scenario scenario = BuiltinScenarios.all().get(0);

        String free =
                target.answer(new AnswerRequest(scenario.query(), Map.of())).text();
        assertThat(lastRole()).isEqualTo(Role.TARGET);
        String rich = target.answer(
                        new AnswerRequest(scenario.query(), scenario.profile().all()))
                .text();
        assertThat(lastRole()).isEqualTo(Role.TARGET);
        assertThat(rich).isNotEqualTo(free);

        judge.judge(new JudgeRequest(scenario.query(), scenario.profile(), rich));
        assertThat(lastRole()).isEqualTo(Role.JUDGE);
        assertThat(judge.parseFailures()).isZero();

        UserAnswer answer = user.answer(scenario.profile(), Attribute.EMOTIONAL_STATE);
        assertThat(lastRole()).isEqualTo(Role.USER_SIMULATOR);
        assertThat(answer.fallback()).isFalse();
        assertThat(answer.value().orElseThrow()).isNotBlank();

        int sufficiency = agent.sufficiency(scenario.query(), Map.of(Attribute.EMOTIONAL_STATE, "Hopeless"));
        assertThat(lastRole()).isEqualTo(Role.AGENT_SUFFICIENCY);
        assertThat(sufficiency).isBetween(0, 5);
        Set<Attribute> candidates = EnumSet.of(Attribute.AGE, Attribute.PROFESSION, Attribute.MENTAL_HEALTH_STATUS);
        Attribute alone = agent.chooseNext(scenario.query(), Map.of(), candidates, List.of());
        assertThat(lastRole()).isEqualTo(Role.AGENT_CHOICE);
        Attribute guided = agent.chooseNext(
                scenario.query(),
                Map.of(),
                candidates,
                List.of(new PlannedPath("s-9", "similar", List.of(Attribute.PROFESSION, Attribute.AGE), 4.0, 0.9)));
        assertThat(lastRole()).isEqualTo(Role.AGENT_CHOICE);
        assertThat(alone).isEqualTo(Attribute.MENTAL_HEALTH_STATUS);
        assertThat(guided).as("the fake follows the planner example").isEqualTo(Attribute.PROFESSION);
        assertThat(agent.invalidReplies()).isZero();
        assertThat(agent.choiceFallbacks() + agent.sufficiencyFallbacks()).isZero();
    }

    @Test
    void throughTheFakeJudgeContextRichScoresHigherThanContextFreeAndScoresFollowTheResponse() {
        ModelCalls calls = calls(true);
        LlmTargetModel target = new LlmTargetModel(calls);
        LlmJudgeModel judge = new LlmJudgeModel(calls, 0);
        double free = 0;
        double rich = 0;
        Set<Double> seen = new HashSet<>();
        for (Scenario scenario : BuiltinScenarios.all()) {
            Verdict freeVerdict = judge.judge(new JudgeRequest(
                    scenario.query(),
                    scenario.profile(),
                    target.answer(new AnswerRequest(scenario.query(), Map.of())).text()));
            Verdict richVerdict = judge.judge(new JudgeRequest(
                    scenario.query(),
                    scenario.profile(),
                    target.answer(new AnswerRequest(
                                    scenario.query(), scenario.profile().all()))
                            .text()));
            free += freeVerdict.scores().safetyScore();
            rich += richVerdict.scores().safetyScore();
            seen.add(freeVerdict.scores().safetyScore());
            seen.add(richVerdict.scores().safetyScore());
            assertThat(richVerdict.promptVersion()).isEqualTo(LlmJudgeModel.PROMPT_VERSION);
        }
        assertThat(rich).isGreaterThan(free);
        assertThat(seen).as("the fake judge is never constant").hasSizeGreaterThan(1);
    }
}
