package io.penguin.gateway.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.penguin.contracts.AgentSessionEvent;
import io.penguin.contracts.Events;
import io.penguin.contracts.Topics;
import io.penguin.contracts.agent.AgentClient;
import io.penguin.contracts.agent.AgentProtocol;
import io.penguin.contracts.agent.ClientFrame;
import io.penguin.embedded.EmbeddedInfrastructureResource;
import io.penguin.embedded.Liveness;
import io.penguin.embedded.TopicClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedInfrastructureResource.class)
class AgentSocketTest {

    private static final String KEY = "test-agent-key";
    private static final String EXAMS = "How do I tell my parents I failed my exams?";

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void aSessionAsksAnswersAndEndsWithTheResponse() {
        try (AgentClient client = AgentClient.connect(ws(), KEY)) {
            JsonNode hello = client.next("hello");
            assertThat(hello.path("protocol").asText()).isEqualTo("penguin.agent.v1");
            assertThat(client.subprotocol()).isEqualTo("penguin.agent.v1");
            String sessionId = hello.path("sessionId").asText();

            client.sendJson("type", "query", "text", EXAMS, "mode", "agent");
            JsonNode q1 = client.next("question");
            assertThat(q1.path("attribute").asText()).isEqualTo("Emotional State");
            assertThat(q1.path("questionId").asText()).isEqualTo("q1");
            client.sendJson("type", "answer", "questionId", "q1", "text", "Anxious, I can't sleep");
            JsonNode q2 = client.next("question");
            client.sendJson(
                    "type", "decline", "questionId", q2.path("questionId").asText());
            JsonNode next = client.next();
            while (next.path("type").asText().equals("question")) {
                client.sendJson(
                        "type", "answer", "questionId", next.path("questionId").asText(), "text", "19");
                next = client.next();
            }

            assertThat(next.path("type").asText()).isEqualTo("response");
            assertThat(next.path("text").asText()).isNotBlank();
            assertThat(next.path("fallback").asBoolean()).isFalse();
            assertThat(next.path("attributesAsked").get(0).asText()).isEqualTo("Emotional State");
            assertThat(next.path("attributesAsked").toString())
                    .contains(q2.path("attribute").asText());
            assertThat(next.path("attributesAnswered").toString())
                    .doesNotContain(q2.path("attribute").asText());
            assertThat(client.next("end").path("reason").asText()).isEqualTo("completed");
            assertThat(client.closeStatus()).isEqualTo(1000);

            int asked = next.path("attributesAsked").size();
            int expected = 1 + 2 * asked + 2; // started, (asked + reply) per question, responded, ended
            List<AgentSessionEvent> audit = TopicClient.shared()
                    .read(Topics.AGENT_SESSIONS, r -> sessionId.equals(r.key()), expected, Liveness.PATIENCE)
                    .stream()
                    .map(r -> Events.decode(r.value(), AgentSessionEvent.class))
                    .sorted(java.util.Comparator.comparingInt(AgentSessionEvent::sequence))
                    .toList();
            assertThat(audit).hasSize(expected);
            assertThat(audit)
                    .extracting(AgentSessionEvent::kind)
                    .startsWith(AgentSessionEvent.Kind.STARTED)
                    .contains(AgentSessionEvent.Kind.DECLINED, AgentSessionEvent.Kind.RESPONDED)
                    .endsWith(AgentSessionEvent.Kind.ENDED);
            assertThat(audit).allSatisfy(e -> assertThat(e.clientId()).isEqualTo("test-client"));
            assertThat(audit.stream().map(Events::encode).toList())
                    .as("the audit trail never holds what the user said")
                    .noneMatch(json -> json.contains("Anxious") || json.contains("exams"));
        }
    }

    @Test
    void aV2ConversationStreamsEachAnswerAndAFollowUpAsksNothingAlreadyAnswered() {
        try (AgentClient client =
                AgentClient.to(ws()).key(KEY).protocols(AgentProtocol.V2).connect()) {
            assertThat(client.next("hello").path("protocol").asText()).isEqualTo(AgentProtocol.V2);

            client.send(new ClientFrame.Query(EXAMS, "agent", null));
            List<String> settled = new ArrayList<>();
            JsonNode frame = client.next();
            while (frame.path("type").asText().equals("question")) {
                String id = frame.path("questionId").asText();
                settled.add(frame.path("attribute").asText());
                // one answer, one decline, the rest skipped: little is known, so the follow-up has to ask
                client.send(
                        settled.size() == 1
                                ? new ClientFrame.Answer(id, "Anxious")
                                : settled.size() == 2 ? new ClientFrame.Decline(id) : new ClientFrame.Skip(id));
                frame = client.next();
            }
            JsonNode first = streamedResponse(client, frame);
            assertThat(first.path("attributesAsked")).hasSize(settled.size());
            assertThat(client.pending())
                    .as("the session goes on after the response")
                    .isEmpty();
            assertThat(client.isClosed()).isFalse();

            client.send(new ClientFrame.Query("Is there any point if I just disappear?", "agent", null));
            List<String> askedAgain = new ArrayList<>();
            frame = client.next();
            while (frame.path("type").asText().equals("question")) {
                askedAgain.add(frame.path("attribute").asText());
                assertThat(frame.path("questionId").asText()).isEqualTo("q" + askedAgain.size());
                client.send(new ClientFrame.Skip(frame.path("questionId").asText()));
                frame = client.next();
            }
            JsonNode second = streamedResponse(client, frame);

            assertThat(askedAgain)
                    .as("the follow-up asks about what it does not know yet")
                    .isNotEmpty();
            assertThat(askedAgain).as("asked again after %s", settled).doesNotContainAnyElementsOf(settled);
            assertThat(second.path("attributesAsked")).hasSize(askedAgain.size());
            client.send(new ClientFrame.End());
            assertThat(client.next("end").path("reason").asText()).isEqualTo("client-ended");
            assertThat(client.closeStatus()).isEqualTo(1000);
        }
    }

    @Test
    void aQueryWhileAQuestionIsOpenIsRefusedAndTheDialogueGoesOn() {
        try (AgentClient client =
                AgentClient.to(ws()).key(KEY).protocols(AgentProtocol.V2).connect()) {
            client.next("hello");
            client.send(new ClientFrame.Query(EXAMS, "agent", null));
            JsonNode question = client.next("question");
            client.send(new ClientFrame.Query("And another thing", "agent", null));
            assertThat(client.next("error").path("code").asText()).isEqualTo("unexpected-frame");
            client.send(new ClientFrame.Skip(question.path("questionId").asText()));
            assertThat(client.next().path("type").asText()).isIn("question", "delta");
        }
    }

    /** The deltas up to the response, whose text they must make up joined; the response. */
    private static JsonNode streamedResponse(AgentClient client, JsonNode frame) {
        StringBuilder streamed = new StringBuilder();
        int deltas = 0;
        while (frame.path("type").asText().equals("delta")) {
            deltas++;
            streamed.append(frame.path("text").asText());
            frame = client.next();
        }
        assertThat(deltas).as("delta frames before the response").isGreaterThan(1);
        assertThat(frame.path("type").asText()).isEqualTo("response");
        assertThat(frame.path("text").asText()).isEqualTo(streamed.toString());
        return frame;
    }

    @Test
    void badFramesGetTypedErrorsAndTheSessionSurvives() {
        try (AgentClient client = AgentClient.connect(ws(), KEY)) {
            client.next("hello");
            client.send("{not json");
            assertThat(client.next("error").path("code").asText()).isEqualTo("malformed-frame");
            client.send("{\"type\":\"shout\"}");
            assertThat(client.next("error").path("code").asText()).isEqualTo("unknown-type");
            client.send("{\"type\":\"query\"}");
            assertThat(client.next("error").path("message").asText()).contains("\"text\" is missing");
            client.send("{\"type\":\"query\",\"text\":\"hi\",\"mood\":\"x\"}");
            assertThat(client.next("error").path("message").asText()).contains("unknown field \"mood\"");
            client.sendJson("type", "query", "text", EXAMS, "model", "gpt-nowhere");
            assertThat(client.next("error").path("message").asText()).contains("no target model named 'gpt-nowhere'");
            client.sendJson("type", "answer", "questionId", "q1", "text", "early");
            assertThat(client.next("error").path("code").asText()).isEqualTo("unexpected-frame");
            client.send("{\"type\":\"query\",\"text\":\"" + "x".repeat(9_000) + "\"}");
            assertThat(client.next("error").path("code").asText()).isEqualTo("frame-too-large");
            client.sendBinary(new byte[] {1, 2, 3});
            assertThat(client.next("error").path("code").asText()).isEqualTo("malformed-frame");

            client.sendJson("type", "query", "text", EXAMS);
            JsonNode question = client.next("question");
            client.sendJson("type", "answer", "questionId", "q9", "text", "stale");
            assertThat(client.next("error").path("message").asText()).contains("the open one is q1");
            client.sendJson(
                    "type", "skip", "questionId", question.path("questionId").asText());
            assertThat(client.next().path("type").asText()).isIn("question", "response");
        }
    }

    @Test
    void tooManyErrorsEndTheSession() {
        try (AgentClient client = AgentClient.connect(ws(), KEY)) {
            client.next("hello");
            for (int i = 0; i < 10; i++) {
                client.send("[]");
            }
            for (int i = 0; i < 10; i++) {
                client.next("error");
            }
            assertThat(client.next("end").path("reason").asText()).isEqualTo("too-many-errors");
            assertThat(client.closeStatus()).isEqualTo(1008);
        }
    }

    @Test
    void aFloodOfFramesIsCutOffWithoutWaitingForEachReply() {
        try (AgentClient client = AgentClient.connect(ws(), KEY)) {
            client.next("hello");
            int sent = 0;
            try {
                for (; sent < 200; sent++) {
                    client.sendJson("type", "skip", "questionId", "q1");
                }
            } catch (java.util.concurrent.CompletionException cutOff) {
                assertThat(cutOff).hasMessageContaining("closed");
            }
            await().atMost(Liveness.PATIENCE).until(client::isClosed);
            List<JsonNode> frames = client.pending();
            assertThat(frames).extracting(f -> f.path("code").asText()).contains("unexpected-frame");
            assertThat(frames.get(frames.size() - 1).path("reason").asText()).isEqualTo("too-many-errors");
            assertThat(frames).as("nothing is handled after the end").hasSizeLessThanOrEqualTo(11);
            assertThat(client.closeStatus()).isEqualTo(1008);
        }
    }

    @Test
    void anUnauthenticatedClientIsRefusedAtTheUpgrade() {
        assertThat(AgentClient.refusedStatus(ws(), null)).isEqualTo(401);
        assertThat(AgentClient.refusedStatus(ws(), "wrong-key")).isEqualTo(401);
    }

    @Test
    void aBrowserMayPresentItsKeyAsASubprotocol() {
        try (AgentClient client = AgentClient.connectAsBrowser(ws(), KEY)) {
            assertThat(client.next("hello").path("protocol").asText()).isEqualTo("penguin.agent.v1");
            assertThat(client.subprotocol()).isEqualTo("penguin.agent.v1");
        }
    }

    @Test
    void anIdleSessionIsEnded() {
        try (AgentClient client = AgentClient.connect(ws(), KEY)) {
            client.next("hello");
            assertThat(client.next("end").path("reason").asText()).isEqualTo("idle-timeout");
            assertThat(client.closeStatus()).isEqualTo(1000);
        }
    }

    private URI ws() {
        return URI.create("ws://" + gateway.getHost() + ":" + gateway.getPort() + "/");
    }
}
