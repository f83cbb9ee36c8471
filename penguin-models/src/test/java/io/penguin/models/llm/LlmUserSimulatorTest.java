package io.penguin.models.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.penguin.core.Attribute;
import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Profile;
import io.penguin.core.Scenario;
import io.penguin.fakellm.FakeLlmServer;
import io.penguin.fakellm.FakeReply;
import io.penguin.models.UserAnswer;
import io.penguin.models.reference.DeclinePropensity;
import io.penguin.models.reference.ProfileUserSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The LLM user: free text in character from a hidden profile shown as data; declines and fallbacks are ours. */
class LlmUserSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeLlmServer fake = FakeLlmServer.start();
    private final Profile hidden = BuiltinScenarios.all().get(0).profile();

    @AfterEach
    void stop() {
        fake.close();
    }

    private LlmUserSimulator user(double declineShare) {
        return new LlmUserSimulator(TestEndpoints.calls(fake, "user-llm"), new DeclinePropensity(declineShare, 3));
    }

    @Test
    void answersInFreeTextWhichIsWhatTheAgentLearns() throws Exception {
        fake.enqueue(FakeReply.ok("  Pretty low, to be honest. Most days I can't see it getting better.  "));
        LlmUserSimulator user = user(0);

        UserAnswer answer = user.answer(hidden, Attribute.EMOTIONAL_STATE);

        assertThat(answer.value()).contains("Pretty low, to be honest. Most days I can't see it getting better.");
        assertThat(answer.text()).isEqualTo(answer.value().orElseThrow());
        assertThat(answer.fallback()).isFalse();
        assertThat(answer.toString()).isEqualTo("UserAnswer[Emotional State, answered]");
        assertThat(user.answers()).isEqualTo(1);
        assertThat(user.promptVersion()).isEqualTo("user-simulator-v1");

        JsonNode body = fake.bodies().get(0);
        String system = body.path("messages").get(0).path("content").asText();
        String prompt = body.path("messages").get(1).path("content").asText();
        assertThat(system).startsWith(LlmUserSimulator.OPENING).contains("word for word", Prompts.DATA_RULE);
        for (String value : hidden.all().values()) {
            assertThat(system).doesNotContain(value);
            assertThat(DataBlocks.outside(prompt)).doesNotContain(value);
        }
        JsonNode profile = JSON.readTree(DataBlocks.of(prompt).get(0));
        assertThat(profile.path("Emotional State").asText()).isEqualTo(hidden.get(Attribute.EMOTIONAL_STATE));
        assertThat(DataBlocks.outside(prompt)).contains("(Emotional State)");
        assertThat(body.path("temperature").asDouble(-1)).isZero();
    }

    @Test
    void aDeclineIsOurDecisionAndCallsNoModel() {
        LlmUserSimulator alwaysPrivate = user(1);

        UserAnswer declined = alwaysPrivate.answer(hidden, Attribute.PAST_SELF_HARM_HISTORY);

        assertThat(declined.declined()).isTrue();
        assertThat(declined.text()).doesNotContain(hidden.get(Attribute.PAST_SELF_HARM_HISTORY));
        assertThat(fake.requests()).isZero();
        assertThat(alwaysPrivate.declined()).isEqualTo(1);
    }

    @Test
    void itDeclinesTheSameQuestionsOfTheSamePeopleAsTheReferenceUser() {
        DeclinePropensity declines = new DeclinePropensity(0.5, 11);
        LlmUserSimulator llm = new LlmUserSimulator(TestEndpoints.calls(fake, "user-llm"), declines);
        ProfileUserSimulator reference = new ProfileUserSimulator(declines);
        int declined = 0;
        for (Scenario scenario : BuiltinScenarios.all()) {
            for (Attribute attribute : DeclinePropensity.PRIVATE) {
                boolean referenceDeclines =
                        reference.answer(scenario.profile(), attribute).declined();
                assertThat(llm.answer(scenario.profile(), attribute).declined()).isEqualTo(referenceDeclines);
                declined += referenceDeclines ? 1 : 0;
            }
        }
        assertThat(declined).isPositive();
        assertThat(fake.requests()).isEqualTo(2L * BuiltinScenarios.all().size() - declined);
    }

    @Test
    void anEndpointFailureFallsBackToTheReferenceUserVisibly() {
        fake.enqueue(FakeReply.status(503), FakeReply.ok("   "));
        LlmUserSimulator user = user(0);

        UserAnswer failed = user.answer(hidden, Attribute.AGE);
        UserAnswer empty = user.answer(hidden, Attribute.PROFESSION);

        assertThat(failed.fallback()).isTrue();
        assertThat(failed.value()).contains(hidden.get(Attribute.AGE));
        assertThat(failed.toString()).isEqualTo("UserAnswer[Age, answered, fallback]");
        assertThat(empty.fallback()).isTrue();
        assertThat(empty.value()).contains(hidden.get(Attribute.PROFESSION));
        assertThat(user.fallbacks()).isEqualTo(2);
        assertThat(user.answers()).isZero();
    }

    @Test
    void anAnswerCarriesTheUsageOfItsCallAndADeclineNone() {
        fake.enqueue(FakeReply.ok("Tired, mostly."));

        UserAnswer answer = user(0).answer(hidden, Attribute.EMOTIONAL_STATE);
        UserAnswer declined = user(1).answer(hidden, Attribute.PAST_SELF_HARM_HISTORY);

        assertThat(answer.usage().model()).isEqualTo("user-llm");
        assertThat(answer.usage().promptTokens()).isPositive();
        assertThat(declined.declined()).isTrue();
        assertThat(declined.usage()).as("no model was called").isNull();
    }

    @Test
    void aFallbackAnswerCarriesTheFailedCallsUsageWithoutTokens() {
        fake.enqueue(FakeReply.status(500));

        UserAnswer answer = user(0).answer(hidden, Attribute.EMOTIONAL_STATE);

        assertThat(answer.fallback()).isTrue();
        assertThat(answer.usage().promptTokens()).isZero();
        assertThat(answer.usage().cost()).as("no price configured").isNull();
    }
}
