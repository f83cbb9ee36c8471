package io.penguin.gateway.openai;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.penguin.embedded.EmbeddedInfrastructureResource;
import io.penguin.embedded.Liveness;
import io.penguin.fakellm.FakeLlmServer;
import io.penguin.fakellm.FakeReply;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * A client that drops its connection during a streamed chat completion gives its session slot back: before the
 * stream's writer starts (gone right after its request) or while the target model is still streaming (gone once the
 * target has the call). With two slots per client, more abandoned streams than slots must leave the client admitted.
 */
@QuarkusTest
@TestProfile(AbandonedStreamTest.TwoSlots.class)
@WithTestResource(EmbeddedInfrastructureResource.class)
@WithTestResource(FakeTargetResource.class)
class AbandonedStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code penguin.gateway.limits.max-sessions-per-client} in this test. */
    private static final int SLOTS = 2;

    /** A client may have two sessions or requests in progress. */
    public static class TwoSlots implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // no call cache: every streamed answer turn reaches the target
            return Map.of(
                    "penguin.gateway.limits.max-sessions-per-client",
                    String.valueOf(SLOTS),
                    "penguin.models.cache.enabled",
                    "false");
        }
    }

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void streamsWhoseClientsLeaveBeforeOrDuringTheAnswerGiveTheirSlotsBack() throws Exception {
        FakeLlmServer target = FakeTargetResource.gated;
        ArrayNode toTheAnswer = historyUpToTheAnswer();
        int abandoned = 2 * (SLOTS + 1);
        for (int i = 0; i < abandoned; i++) {
            boolean beforeTheWriter = i % 2 == 0;
            CountDownLatch gate = new CountDownLatch(1);
            target.holdStreamsUntil(gate);
            if (beforeTheWriter) {
                // the target holds its first byte: the gateway is still waiting for the turn's first event, so the
                // response (and its stream writer) is not made yet when the client leaves
                target.enqueue(FakeReply.hang(Duration.ofSeconds(2)));
            }
            long streamedBefore = target.streamsFinished();
            int callsBefore = target.bodies().size();
            try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
                sendStreamedRequest(socket, toTheAnswer);
                await("abandoned stream " + (i + 1)
                                + " reaches the target (refused 429 if earlier ones kept their slots)")
                        .atMost(Liveness.PATIENCE)
                        .until(() -> target.bodies().size() > callsBefore);
                assertThat(target.bodies().get(callsBefore).path("stream").asBoolean())
                        .as("the answer turn streams from the target")
                        .isTrue();
                socket.setSoLinger(true, 0); // a reset, as when a client is killed
            } finally {
                gate.countDown();
            }
            // the turn goes on without its client until the target's stream is over
            await().atMost(Liveness.PATIENCE).until(() -> target.streamsFinished() > streamedBefore);
        }

        // a slot that leaked would be held for good: with more abandoned streams than slots, the client is locked out
        await().atMost(Liveness.PATIENCE)
                .untilAsserted(() -> assertThat(plainTurnStatus())
                        .as("a new chat completion after " + abandoned + " abandoned streams")
                        .isEqualTo(200));
        assertThat(target.gateTimeouts()).isZero();
    }

    /** The conversation, built turn by turn, whose next turn is the answer (every question politely declined). */
    private static ArrayNode historyUpToTheAnswer() {
        List<Map<String, Object>> messages = ChatCompletionsResourceTest.conversation(
                ChatCompletionsResourceTest.user(ChatCompletionsResourceTest.RISKY));
        for (int turn = 0; turn < 10; turn++) {
            JsonNode reply = ChatCompletionsResourceTest.post(messages, FakeTargetResource.GATED_MODEL);
            if (reply.path("penguin").path("kind").asText().equals("answer")) {
                return JSON.valueToTree(messages);
            }
            messages.add(ChatCompletionsResourceTest.assistant(ChatCompletionsResourceTest.content(reply)));
            messages.add(ChatCompletionsResourceTest.user("I'd rather keep that to myself, sorry."));
        }
        throw new AssertionError("no answer within 10 turns");
    }

    private static ObjectNode body(ArrayNode messages, boolean stream) {
        ObjectNode body = JSON.createObjectNode()
                .put("model", FakeTargetResource.GATED_MODEL)
                .put("stream", stream);
        body.set("messages", messages);
        return body;
    }

    private void sendStreamedRequest(Socket socket, ArrayNode messages) throws IOException {
        byte[] body = body(messages, true).toString().getBytes(StandardCharsets.UTF_8);
        String head = "POST /v1/chat/completions HTTP/1.1\r\n"
                + "Host: " + gateway.getHost() + ":" + gateway.getPort() + "\r\n"
                + "Authorization: Bearer " + ChatCompletionsResourceTest.KEY + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private static int plainTurnStatus() {
        ArrayNode messages = JSON.createArrayNode();
        messages.addObject().put("role", "user").put("content", ChatCompletionsResourceTest.RISKY);
        return given().header("Authorization", "Bearer " + ChatCompletionsResourceTest.KEY)
                .contentType(ContentType.JSON)
                .body(body(messages, false).toString())
                .post("/v1/chat/completions")
                .statusCode();
    }
}
