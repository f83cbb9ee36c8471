package io.penguin.models.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.penguin.fakellm.FakeLlmServer;
import io.penguin.fakellm.FakeReply;
import io.penguin.models.ModelRole;
import io.penguin.models.UsageTally;
import io.penguin.models.cache.InMemoryCallCache;
import io.penguin.models.endpoint.ChatCall;
import io.penguin.models.endpoint.EndpointObserver;
import io.penguin.models.endpoint.EndpointSettings;
import io.penguin.models.endpoint.ModelCallFailedException;
import io.penguin.models.endpoint.ModelEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The one ask-validate-re-ask loop of the LLM roles, against the fake server. */
class ReaskingTest {

    /** A reply is valid when it is a number; the problem names what it was instead. */
    private static Parsed<Integer> number(String reply) {
        try {
            return Parsed.of(Integer.parseInt(reply.strip()));
        } catch (NumberFormatException e) {
            return Parsed.invalid("the reply is not a number");
        }
    }

    private static String reask(List<String> problems) {
        return "Not valid: " + String.join("; ", problems) + ". Reply with a number only.";
    }

    private final FakeLlmServer fake = FakeLlmServer.start();
    private final InMemoryCallCache cache = new InMemoryCallCache();
    private final List<CallRecord> records = new CopyOnWriteArrayList<>();
    private final ModelCalls calls = new ModelCalls(
            ModelEndpoint.openAi(
                    EndpointSettings.builder("writer-llm", fake.baseUrl(), "writer-model")
                            .maxRetries(0)
                            .build(),
                    EndpointObserver.NONE),
            cache,
            records::add);
    private final List<String> seen = new ArrayList<>();
    private final Reasking.Observer observer = new Reasking.Observer() {
        @Override
        public void replied() {
            seen.add("replied");
        }

        @Override
        public void rejected(List<String> problems) {
            seen.add("rejected: " + String.join("; ", problems));
        }

        @Override
        public void reasked() {
            seen.add("reasked");
        }
    };

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aValidFirstReplyIsTheValueAfterOneCall() {
        fake.enqueue(FakeReply.ok("42"));

        Reasking.Outcome<Integer> outcome = new Reasking(calls, ModelRole.SCENARIO_WRITER, 1)
                .ask(ChatCall.of("system", "user"), ReaskingTest::number, ReaskingTest::reask, observer);

        assertThat(outcome.valid()).isTrue();
        assertThat(outcome.value()).isEqualTo(42);
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(seen).containsExactly("replied");
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void anInvalidReplyIsReaskedWithItsProblemAfterTheReplyItself() {
        fake.enqueue(FakeReply.ok("forty-two"), FakeReply.ok("42"));

        Reasking.Outcome<Integer> outcome = new Reasking(calls, ModelRole.SCENARIO_WRITER, 1)
                .ask(ChatCall.of("system", "user"), ReaskingTest::number, ReaskingTest::reask, observer);

        assertThat(outcome.value()).isEqualTo(42);
        assertThat(outcome.attempts()).isEqualTo(2);
        JsonNode messages = fake.bodies().get(1).path("messages");
        assertThat(messages).hasSize(4);
        assertThat(messages.get(2).path("content").asText()).isEqualTo("forty-two");
        assertThat(messages.get(3).path("content").asText())
                .isEqualTo("Not valid: the reply is not a number. Reply with a number only.");
        assertThat(seen).containsExactly("replied", "rejected: the reply is not a number", "reasked", "replied");
        assertThat(records).hasSize(2);
        assertThat(outcome.usage().promptTokens())
                .as("the usage sums both attempts")
                .isEqualTo(records.get(0).result().promptTokens()
                        + records.get(1).result().promptTokens());
    }

    @Test
    void whenEveryReaskIsInvalidTheOutcomeCarriesTheLastProblemAndNothingIsCached() {
        fake.enqueue(FakeReply.ok("no"), FakeReply.ok("still no"));

        Reasking.Outcome<Integer> outcome = new Reasking(calls, ModelRole.SCENARIO_WRITER, 1)
                .ask(ChatCall.of("system", "user"), ReaskingTest::number, ReaskingTest::reask, observer);

        assertThat(outcome.valid()).isFalse();
        assertThat(outcome.value()).isNull();
        assertThat(outcome.reply().problem()).isEqualTo("the reply is not a number");
        assertThat(outcome.attempts()).isEqualTo(2);
        assertThat(fake.requests()).isEqualTo(2);
        assertThat(seen)
                .as("no re-ask after the last attempt")
                .containsExactly(
                        "replied",
                        "rejected: the reply is not a number",
                        "reasked",
                        "replied",
                        "rejected: the reply is not a number");
        assertThat(cache.size()).isZero();
    }

    @Test
    void anEndpointFailurePassesUnchangedWithTheWaitInTheCallersTally() {
        fake.enqueue(FakeReply.ok("no"), FakeReply.status(500));
        UsageTally usage = new UsageTally("writer-llm", "unknown");

        assertThatThrownBy(() -> new Reasking(calls, ModelRole.SCENARIO_WRITER, 1)
                        .ask(ChatCall.of("system", "user"), ReaskingTest::number, ReaskingTest::reask, observer, usage))
                .isInstanceOf(ModelCallFailedException.class);
        assertThat(usage.added()).as("the invalid reply and the failed call").isEqualTo(2);
        assertThat(seen).containsExactly("replied", "rejected: the reply is not a number", "reasked");
    }

    @Test
    void aNegativeReaskBudgetIsRefusedNamingTheRole() {
        assertThatThrownBy(() -> new Reasking(calls, ModelRole.JUDGE, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("judge re-asks must be 0 or more, was -1");
    }

    @Test
    void aParsedReplyIsEitherAValueOrProblems() {
        assertThat(Parsed.invalid(List.of("a: missing", "b: blank")).problem()).isEqualTo("a: missing; b: blank");
        assertThat(Parsed.of("x").problem()).isEmpty();
        assertThatThrownBy(() -> new Parsed<>("x", List.of("a: missing"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Parsed<>(null, List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
