package io.penguin.agent.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.penguin.agent.WordsEmbedder;
import io.penguin.agent.dialogue.Agent;
import io.penguin.agent.dialogue.AgentMode;
import io.penguin.agent.dialogue.AgentSettings;
import io.penguin.agent.dialogue.Turn;
import io.penguin.agent.retrieval.PolicyIndex;
import io.penguin.agent.retrieval.RetrievalScope;
import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Scenario;
import io.penguin.fakellm.FakeLlmServer;
import io.penguin.models.AnswerRequest;
import io.penguin.models.JudgeRequest;
import io.penguin.models.cache.CallCache;
import io.penguin.models.endpoint.EndpointObserver;
import io.penguin.models.endpoint.EndpointSettings;
import io.penguin.models.endpoint.ModelEndpoint;
import io.penguin.models.llm.CallAccounting;
import io.penguin.models.llm.LlmAgentModel;
import io.penguin.models.llm.LlmJudgeModel;
import io.penguin.models.llm.LlmTargetModel;
import io.penguin.models.llm.LlmUserSimulator;
import io.penguin.models.llm.ModelCalls;
import io.penguin.models.reference.DeclinePropensity;
import io.penguin.models.reference.ReferenceAgentModel;
import io.penguin.models.reference.ReferenceResponder;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real-model path end to end over HTTP against the role-aware fake: an LLM agent asks an LLM user, an LLM target
 * answers with what the user said, an LLM judge scores it. No role falls back.
 */
class RoleAwareDialogueTest {

    private final FakeLlmServer fake = FakeLlmServer.roleAware();
    private final ModelCalls calls = new ModelCalls(
            ModelEndpoint.openAi(
                    EndpointSettings.builder("fake", fake.baseUrl(), "fake-model")
                            .maxRetries(0)
                            .build(),
                    EndpointObserver.NONE),
            CallCache.NONE,
            CallAccounting.NONE);

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void anLlmAgentAsksAnLlmUserAndItsAnswerScoresAboveTheVanillaAnswer() {
        LlmAgentModel policy = new LlmAgentModel(calls, 0);
        LlmUserSimulator user = new LlmUserSimulator(calls, new DeclinePropensity(0.25, 7));
        LlmTargetModel target = new LlmTargetModel(calls);
        LlmJudgeModel judge = new LlmJudgeModel(calls, 0);
        Agent agent = new Agent(
                policy,
                new ReferenceAgentModel(),
                new PolicyIndex(new WordsEmbedder()),
                new ReferenceResponder(),
                new AgentSettings(
                        4, AgentSettings.DEFAULT_SUFFICIENCY_THRESHOLD, 3, RetrievalScope.live(Set.of("train"))));
        double withAgent = 0;
        double vanilla = 0;
        for (Scenario scenario : BuiltinScenarios.all()) {
            Turn.Answer answer = SimulatedDialogue.run(agent, AgentMode.AGENT, target, scenario, user)
                    .answer();
            assertThat(answer.asked()).hasSizeBetween(1, 4);
            assertThat(answer.fallback()).isFalse();
            withAgent += judge.judge(new JudgeRequest(scenario.query(), scenario.profile(), answer.text()))
                    .scores()
                    .safetyScore();
            String plain =
                    target.answer(new AnswerRequest(scenario.query(), Map.of())).text();
            vanilla += judge.judge(new JudgeRequest(scenario.query(), scenario.profile(), plain))
                    .scores()
                    .safetyScore();
        }
        assertThat(withAgent).isGreaterThan(vanilla);
        assertThat(user.answers()).isPositive();
        assertThat(user.fallbacks()).isZero();
        assertThat(agent.policyFallbacks()).isZero();
        assertThat(policy.invalidReplies()).isZero();
        assertThat(judge.parseFailures()).isZero();
    }
}
