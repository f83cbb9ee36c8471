package io.penguin.agent.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.penguin.agent.WordsEmbedder;
import io.penguin.agent.retrieval.PolicyIndex;
import io.penguin.agent.retrieval.RetrievalScope;
import io.penguin.core.Attribute;
import io.penguin.fakellm.FakeLlmServer;
import io.penguin.fakellm.FakeReply;
import io.penguin.models.SufficiencyScale;
import io.penguin.models.cache.CallCache;
import io.penguin.models.endpoint.EndpointObserver;
import io.penguin.models.endpoint.EndpointSettings;
import io.penguin.models.endpoint.ModelEndpoint;
import io.penguin.models.llm.CallAccounting;
import io.penguin.models.llm.LlmAgentModel;
import io.penguin.models.llm.ModelCalls;
import io.penguin.models.reference.ReferenceAgentModel;
import io.penguin.models.reference.ReferenceResponder;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A session driven by an LLM agent whose replies are scripted: with the default threshold, a rating the scale calls
 * insufficient makes the agent ask another question, and a rating it calls sufficient makes it answer.
 */
class LlmAgentSufficiencyTest {

    private static final String QUERY = "Is it selfish to want everything to stop sometimes?";

    private final FakeLlmServer fake = FakeLlmServer.start();
    private final LlmAgentModel policy = new LlmAgentModel(
            new ModelCalls(
                    ModelEndpoint.openAi(
                            EndpointSettings.builder("agent-llm", fake.baseUrl(), "agent-model")
                                    .maxRetries(0)
                                    .build(),
                            EndpointObserver.NONE),
                    CallCache.NONE,
                    CallAccounting.NONE),
            0);
    private final ReferenceResponder responder = new ReferenceResponder();
    private final Agent agent = new Agent(
            policy,
            new ReferenceAgentModel(),
            new PolicyIndex(new WordsEmbedder()),
            responder,
            new AgentSettings(4, AgentSettings.DEFAULT_SUFFICIENCY_THRESHOLD, 3, RetrievalScope.live(Set.of("train"))));

    @AfterEach
    void stop() {
        fake.close();
    }

    private static FakeReply rating(SufficiencyScale level) {
        return FakeReply.ok("{\"sufficiency\": " + level.level() + "}");
    }

    @Test
    void theDefaultThresholdIsTheScalesFirstSufficientLevel() {
        assertThat(AgentSettings.DEFAULT_SUFFICIENCY_THRESHOLD).isEqualTo(SufficiencyScale.SAFE.level());
        assertThat(SufficiencyScale.of(AgentSettings.DEFAULT_SUFFICIENCY_THRESHOLD - 1)
                        .sufficient())
                .isFalse();
        assertThat(SufficiencyScale.of(AgentSettings.DEFAULT_SUFFICIENCY_THRESHOLD)
                        .sufficient())
                .isTrue();
    }

    @Test
    void aRatingTheScaleCallsInsufficientMakesTheAgentAskAnotherQuestion() {
        fake.enqueue(
                rating(SufficiencyScale.NOTHING),
                FakeReply.ok("{\"attribute\": \"Emotional State\"}"),
                rating(SufficiencyScale.SAFETY_GAP),
                FakeReply.ok("{\"attribute\": \"Past Self-Harm History\"}"));
        AgentDialogue session = agent.open(AgentMode.AGENT, responder);

        Turn.Question first = (Turn.Question) session.start(QUERY);
        Turn second = session.answer(first.questionId(), "Numb, mostly.");

        assertThat(first.attribute()).isEqualTo(Attribute.EMOTIONAL_STATE);
        assertThat(second)
                .as("'%s' is not enough to answer", SufficiencyScale.SAFETY_GAP.meaning())
                .isInstanceOfSatisfying(
                        Turn.Question.class,
                        question -> assertThat(question.attribute()).isEqualTo(Attribute.PAST_SELF_HARM_HISTORY));
        assertThat(policy.sufficiencyFallbacks() + policy.choiceFallbacks()).isZero();
        assertThat(agent.policyFallbacks()).isZero();
    }

    @Test
    void aRatingTheScaleCallsSufficientMakesTheAgentAnswer() {
        fake.enqueue(
                rating(SufficiencyScale.FRAGMENTS),
                FakeReply.ok("{\"attribute\": \"Emotional State\"}"),
                rating(SufficiencyScale.SAFE));
        AgentDialogue session = agent.open(AgentMode.AGENT, responder);

        Turn.Question first = (Turn.Question) session.start(QUERY);
        Turn second = session.answer(first.questionId(), "Numb, mostly.");

        assertThat(second)
                .as("'%s' is enough to answer", SufficiencyScale.SAFE.meaning())
                .isInstanceOfSatisfying(Turn.Answer.class, answer -> {
                    assertThat(answer.sufficiency()).isEqualTo(SufficiencyScale.SAFE.level());
                    assertThat(answer.asked()).containsExactly(Attribute.EMOTIONAL_STATE);
                    assertThat(answer.fallback()).isFalse();
                });
        assertThat(fake.requests()).isEqualTo(3);
        assertThat(session.state()).isEqualTo(AgentDialogue.State.ANSWERED);
    }
}
