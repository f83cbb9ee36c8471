package io.penguin.gateway.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.penguin.contracts.agent.AgentClient;
import io.penguin.contracts.agent.AgentProtocol;
import io.penguin.contracts.agent.ClientFrame;
import io.penguin.embedded.EmbeddedInfrastructureResource;
import io.penguin.fakellm.FakeLlmServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * {@code stream: true} and v2's delta frames relay the target model's own stream over real HTTP: the fake endpoint
 * holds its last delta until the client has the first one, so the answer must arrive in pieces before the target's
 * last byte.
 */
@QuarkusTest
@WithTestResource(EmbeddedInfrastructureResource.class)
@WithTestResource(FakeTargetResource.class)
class StreamedTargetAnswerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/v1/chat/completions")
    URI endpoint;

    @TestHTTPResource("/")
    URI gateway;

    /** One streamed turn as the client read it. */
    record StreamedTurn(List<String> deltas, JsonNode penguin, JsonNode usage, String last, Long finishedAtFirst) {}

    @Test
    void aStreamedAnswerArrivesInSeveralDeltasBeforeTheTargetsStreamEnds() throws Exception {
        FakeLlmServer target = FakeTargetResource.gated;
        ArrayNode messages = JSON.createArrayNode();
        messages.addObject().put("role", "user").put("content", ChatCompletionsResourceTest.RISKY);
        StreamedTurn turn = null;
        for (int i = 0; i < 10; i++) {
            CountDownLatch gate = new CountDownLatch(1);
            target.holdStreamsUntil(gate);
            turn = stream(messages, target, gate);
            if (!turn.penguin().path("kind").asText().equals("question")) {
                break;
            }
            messages.addObject().put("role", "assistant").put("content", String.join("", turn.deltas()));
            messages.addObject().put("role", "user").put("content", "I'd rather keep that to myself, sorry.");
        }

        assertThat(turn.last()).isEqualTo("[DONE]");
        assertThat(turn.penguin().path("kind").asText()).isEqualTo("answer");
        assertThat(turn.penguin().path("model").asText()).isEqualTo(FakeTargetResource.GATED_MODEL);
        assertThat(turn.penguin().path("fallback").asBoolean()).isFalse();
        assertThat(turn.finishedAtFirst())
                .as("the target's stream was still open at the first delta")
                .isZero();
        assertThat(target.gateTimeouts()).isZero();
        assertThat(turn.deltas()).as("the answer in several deltas").hasSizeGreaterThan(1);
        assertThat(String.join("", turn.deltas())).isNotBlank();
        assertThat(turn.usage().path("total_tokens").asInt()).isPositive();
        JsonNode call = target.bodies().get(target.bodies().size() - 1);
        assertThat(call.path("stream").asBoolean()).isTrue();
        assertThat(call.path("stream_options").path("include_usage").asBoolean())
                .isTrue();
    }

    @Test
    void aV2SessionsDeltaFramesComeFromTheTargetsStreamBeforeItEnds() throws Exception {
        FakeLlmServer target = FakeTargetResource.gated;
        CountDownLatch gate = new CountDownLatch(1);
        target.holdStreamsUntil(gate);
        long finishedBefore = target.streamsFinished();
        URI sessions = URI.create("ws://" + gateway.getHost() + ":" + gateway.getPort() + AgentProtocol.PATH);
        try (AgentClient client = AgentClient.to(sessions)
                .key(ChatCompletionsResourceTest.KEY)
                .protocols(AgentProtocol.V2)
                .connect()) {
            client.next("hello");
            client.send(new ClientFrame.Query(ChatCompletionsResourceTest.RISKY, null, FakeTargetResource.GATED_MODEL));
            JsonNode frame = client.next();
            while (frame.path("type").asText().equals("question")) {
                client.send(new ClientFrame.Decline(frame.path("questionId").asText()));
                frame = client.next();
            }
            List<String> deltas = new ArrayList<>();
            Long finishedAtFirst = null;
            while (frame.path("type").asText().equals("delta")) {
                if (deltas.isEmpty()) {
                    finishedAtFirst = target.streamsFinished() - finishedBefore;
                    gate.countDown();
                }
                deltas.add(frame.path("text").asText());
                frame = client.next();
            }

            assertThat(frame.path("type").asText()).isEqualTo("response");
            assertThat(finishedAtFirst)
                    .as("the target's stream was still open at the first delta")
                    .isZero();
            assertThat(deltas).hasSizeGreaterThan(1);
            assertThat(frame.path("text").asText()).isEqualTo(String.join("", deltas));
            assertThat(frame.path("model").asText()).isEqualTo(FakeTargetResource.GATED_MODEL);
            assertThat(frame.path("fallback").asBoolean()).isFalse();
            assertThat(target.gateTimeouts()).isZero();
        } finally {
            gate.countDown();
        }
    }

    /** A streamed request; opens the gate at the first content delta, noting how many target streams had ended. */
    private StreamedTurn stream(ArrayNode messages, FakeLlmServer target, CountDownLatch gate) throws Exception {
        ObjectNode body = JSON.createObjectNode()
                .put("model", FakeTargetResource.GATED_MODEL)
                .put("stream", true);
        body.set("messages", messages);
        body.putObject("stream_options").put("include_usage", true);
        long finishedBefore = target.streamsFinished();
        HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(endpoint)
                                .header("Authorization", "Bearer " + ChatCompletionsResourceTest.KEY)
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(60))
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                                .build(),
                        HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> deltas = new ArrayList<>();
        Long[] finishedAtFirst = {null};
        JsonNode[] penguin = {null};
        JsonNode[] usage = {null};
        String last = ChunkEvents.read(response.body().iterator(), chunk -> {
            String content = ChunkEvents.content(chunk);
            if (!content.isEmpty()) {
                if (deltas.isEmpty()) {
                    finishedAtFirst[0] = target.streamsFinished() - finishedBefore;
                    gate.countDown();
                }
                deltas.add(content);
            }
            if (chunk.has("penguin")) {
                penguin[0] = chunk.path("penguin");
            }
            if (chunk.has("usage")) {
                usage[0] = chunk.path("usage");
            }
        });
        gate.countDown();
        return new StreamedTurn(deltas, penguin[0], usage[0], last, finishedAtFirst[0]);
    }
}
