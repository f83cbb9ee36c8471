package io.penguin.agent.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.penguin.agent.WordsEmbedder;
import io.penguin.agent.retrieval.PolicyIndex;
import io.penguin.agent.retrieval.RetrievalScope;
import io.penguin.agent.simulation.SimulatedDialogue;
import io.penguin.core.Attribute;
import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Scenario;
import io.penguin.fakellm.FakeLlmServer;
import io.penguin.fakellm.FakeReply;
import io.penguin.models.SufficiencyScale;
import io.penguin.models.cache.CallCache;
import io.penguin.models.endpoint.EndpointObserver;
import io.penguin.models.endpoint.EndpointSettings;
import io.penguin.models.endpoint.ModelEndpoint;
import io.penguin.models.llm.CallAccounting;
import io.penguin.models.llm.LlmAgentModel;
import io.penguin.models.llm.LlmUserSimulator;
import io.penguin.models.llm.ModelCalls;
import io.penguin.models.reference.DeclinePropensity;
import io.penguin.models.reference.ProfileUserSimulator;
import io.penguin.models.reference.ReferenceAgentModel;
import io.penguin.models.reference.ReferenceResponder;
import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A dialogue knows what its own roles did: how many decisions the agent model took, how many a stand-in took because
 * the model failed, what the calls cost, and the same for the simulated user; the global counters cannot say which
 * dialogue a fallback belonged to.
 */
class DialogueCallsTest {

    private static final String QUERY = "Is it selfish to want everything to stop sometimes?";

    private final FakeLlmServer fake = FakeLlmServer.start();
    private final ReferenceResponder responder = new ReferenceResponder();

    @AfterEach
    void stop() {
        fake.close();
    }

    private ModelCalls calls(String name, String baseUrl, BigDecimal pricePerMillion) {
        return new ModelCalls(
                ModelEndpoint.openAi(
                        EndpointSettings.builder(name, baseUrl, name + "-model")
                                .maxRetries(0)
                                .prices(pricePerMillion, pricePerMillion)
                                .build(),
                        EndpointObserver.NONE),
                CallCache.NONE,
                CallAccounting.NONE);
    }

    private Agent agent(LlmAgentModel policy) {
        return new Agent(
                policy,
                new ReferenceAgentModel(),
                new PolicyIndex(new WordsEmbedder()),
                responder,
                new AgentSettings(
                        4, AgentSettings.DEFAULT_SUFFICIENCY_THRESHOLD, 3, RetrievalScope.live(Set.of("train"))));
    }

    private static FakeReply rating(SufficiencyScale level) {
        return FakeReply.ok("{\"sufficiency\": " + level.level() + "}");
    }

    @Test
    void aChoiceTheModelGarbledBeyondItsReAsksIsOneAgentFallbackWithTheUsageOfEveryAttempt() {
        LlmAgentModel policy = new LlmAgentModel(calls("agent-llm", fake.baseUrl(), BigDecimal.ONE), 1);
        fake.enqueue(
                rating(SufficiencyScale.NOTHING),
                FakeReply.ok("I would ask about their mood"),
                FakeReply.ok("{\"attribute\": \"Favourite Colour\"}"),
                rating(SufficiencyScale.SAFE));
        AgentDialogue session = agent(policy).open(AgentMode.AGENT, responder);

        Turn.Question question = (Turn.Question) session.start(QUERY);
        Turn.Answer answer = (Turn.Answer) session.answer(question.questionId(), "Numb, mostly.");

        DialogueCalls agentCalls = answer.agentCalls();
        assertThat(agentCalls.model()).isEqualTo("agent-llm");
        assertThat(agentCalls.reference()).isFalse();
        assertThat(agentCalls.calls()).as("two ratings and one choice").isEqualTo(3);
        assertThat(agentCalls.fallbacks()).isEqualTo(1);
        assertThat(agentCalls.usage().promptTokens()).isPositive();
        assertThat(agentCalls.usage().completionTokens()).isPositive();
        assertThat(agentCalls.usage().provider()).isEqualTo("openai");
        assertThat(agentCalls.usage().cost()).as("every call is priced").isPositive();
        assertThat(fake.requests()).as("the garbled choice was asked twice").isEqualTo(4);
        assertThat(answer.promptVersion()).isEqualTo(ReferenceResponder.PROMPT_VERSION);
        assertThat(agentCalls.as("agent").fallbacks()).isEqualTo(1);
    }

    @Test
    void aDialogueWhoseEveryReplyIsValidReportsNoAgentFallbackAndAnUnknownCostWithoutPrices() {
        LlmAgentModel policy = new LlmAgentModel(calls("agent-llm", fake.baseUrl(), null), 1);
        fake.enqueue(
                rating(SufficiencyScale.NOTHING),
                FakeReply.ok("{\"attribute\": \"Emotional State\"}"),
                rating(SufficiencyScale.SAFE));
        AgentDialogue session = agent(policy).open(AgentMode.AGENT, responder);

        Turn.Question question = (Turn.Question) session.start(QUERY);
        Turn.Answer answer = (Turn.Answer) session.answer(question.questionId(), "Numb, mostly.");

        assertThat(question.attribute()).isEqualTo(Attribute.EMOTIONAL_STATE);
        assertThat(answer.agentCalls().calls()).isEqualTo(3);
        assertThat(answer.agentCalls().fallbacks()).isZero();
        assertThat(answer.agentCalls().usage().promptTokens()).isPositive();
        assertThat(answer.agentCalls().usage().cost())
                .as("the endpoint has no price: unknown, not free")
                .isNull();
    }

    @Test
    void anAgentModelWhoseEndpointIsDownFallsBackOnEveryDecisionOfTheDialogue() {
        fake.close();
        LlmAgentModel policy = new LlmAgentModel(calls("agent-llm", fake.baseUrl(), BigDecimal.ONE), 1);
        AgentDialogue session = agent(policy).open(AgentMode.AGENT, responder);

        Turn turn = session.start(QUERY);
        while (turn instanceof Turn.Question question) {
            turn = session.answer(question.questionId(), "I would rather not say much.");
        }

        DialogueCalls agentCalls = ((Turn.Answer) turn).agentCalls();
        assertThat(agentCalls.calls()).isPositive();
        assertThat(agentCalls.fallbacks()).isEqualTo(agentCalls.calls());
        assertThat(agentCalls.usage().promptTokens()).isZero();
        assertThat(agentCalls.usage().cost()).as("a failed call bills nothing").isZero();
    }

    @Test
    void theSimulatedUsersFallbacksAreCountedWhenItsEndpointIsDown() {
        fake.close();
        Scenario scenario = BuiltinScenarios.all().get(0);
        ReferenceAgentModel reference = new ReferenceAgentModel();
        Agent agent = new Agent(
                reference,
                reference,
                new PolicyIndex(new WordsEmbedder()),
                responder,
                new AgentSettings(
                        4, AgentSettings.DEFAULT_SUFFICIENCY_THRESHOLD, 3, RetrievalScope.live(Set.of("train"))));
        LlmUserSimulator user =
                new LlmUserSimulator(calls("user-llm", fake.baseUrl(), null), new DeclinePropensity(0.0, 1));

        SimulatedDialogue.Outcome outcome = SimulatedDialogue.run(agent, AgentMode.AGENT, responder, scenario, user);

        int questions = outcome.answer().asked().size();
        assertThat(questions).isPositive();
        assertThat(outcome.userCalls().model()).isEqualTo("user-llm");
        assertThat(outcome.userCalls().reference()).isFalse();
        assertThat(outcome.userCalls().calls()).isEqualTo(questions);
        assertThat(outcome.userCalls().fallbacks()).isEqualTo(questions);
        assertThat(outcome.userCalls().usage().cost()).isNull();
        assertThat(user.fallbacks()).isEqualTo(questions);
        assertThat(outcome.examples()).as("agent mode shows no planned paths").isEmpty();
    }

    @Test
    void referenceRolesReportTheirDecisionsWithoutFallbacksAtNoCost() {
        Scenario scenario = BuiltinScenarios.all().get(0);
        ReferenceAgentModel reference = new ReferenceAgentModel();
        Agent agent = new Agent(
                reference,
                reference,
                new PolicyIndex(new WordsEmbedder()),
                responder,
                new AgentSettings(
                        4, AgentSettings.DEFAULT_SUFFICIENCY_THRESHOLD, 3, RetrievalScope.live(Set.of("train"))));

        SimulatedDialogue.Outcome outcome =
                SimulatedDialogue.run(agent, AgentMode.AGENT, responder, scenario, new ProfileUserSimulator());

        int questions = outcome.answer().asked().size();
        DialogueCalls agentCalls = outcome.answer().agentCalls();
        assertThat(agentCalls.model()).isEqualTo(ReferenceAgentModel.NAME);
        assertThat(agentCalls.reference()).isTrue();
        assertThat(agentCalls.calls())
                .as("a rating per turn and a choice per question")
                .isEqualTo(2 * questions + 1);
        assertThat(agentCalls.fallbacks()).isZero();
        assertThat(agentCalls.usage().cost()).isZero();
        assertThat(agentCalls.usage().provider()).isEqualTo("reference");
        assertThat(outcome.userCalls().reference()).isTrue();
        assertThat(outcome.userCalls().calls()).isEqualTo(questions);
        assertThat(outcome.userCalls().fallbacks()).isZero();
        assertThat(outcome.userCalls().usage().cost()).isZero();
    }
}
