package io.penguin.generation.models;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.penguin.contracts.Events;
import io.penguin.contracts.GenerationRequested;
import io.penguin.contracts.ResponseGenerated;
import io.penguin.contracts.Topics;
import io.penguin.contracts.WorkItemId;
import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Scenario;
import io.penguin.embedded.Liveness;
import io.penguin.embedded.TopicClient;
import io.penguin.fakellm.CapturedLogs;
import io.penguin.fakellm.FakeReply;
import io.penguin.models.llm.LlmTargetModel;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** generation-service with an OpenAI-compatible endpoint from configuration, the fake server behind it. */
@QuarkusTest
@TestProfile(FakeLlmEndpoint.class)
class ConfiguredEndpointTest {

    private final TopicClient topics = TopicClient.shared();
    private final String runId = "run-llm-" + UUID.randomUUID();
    private final CapturedLogs capture = new CapturedLogs();
    private final List<String> logged = capture.lines();

    @BeforeEach
    void clear() {
        FakeLlmResource.server.resetCounts();
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void release() {
        Logger.getLogger("").removeHandler(capture);
    }

    private GenerationRequested request(String condition) {
        Scenario scenario = BuiltinScenarios.all().get(1);
        return GenerationRequested.of(
                new WorkItemId(runId, scenario.id(), condition, "fake-llm"), "reference-judge", scenario);
    }

    private void send(GenerationRequested request) {
        topics.send(Topics.GENERATION_REQUESTS, request.key(), Events.encode(request));
    }

    private List<ResponseGenerated> responses(int expected, Duration timeout) {
        return topics.read(Topics.RESPONSES, record -> record.value().contains(runId), expected, timeout).stream()
                .map(record -> Events.decode(record.value(), ResponseGenerated.class))
                .toList();
    }

    /** The value of one Prometheus series of this service, 0 while it does not exist. */
    private static double metric(String name, String labels) {
        return given().get("/q/metrics")
                .asString()
                .lines()
                .filter(line -> line.startsWith(name + "{") && line.contains(labels))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void countsATargetCallsCompletionTokensOnce() {
        String completion = "kind=\"completion\",model=\"fake-llm\",role=\"target\"";
        String miss = "model=\"fake-llm\",result=\"miss\",role=\"target\"";
        double tokensBefore = metric("penguin_model_tokens_total", completion);
        double missesBefore = metric("penguin_model_cache_total", miss);

        send(request("context-rich"));
        ResponseGenerated response = responses(1, Liveness.PATIENCE).get(0);

        double calls = metric("penguin_model_cache_total", miss) - missesBefore;
        assertThat(calls).as("endpoint calls (cache misses) the item made").isIn(0.0, 1.0);
        // A cache hit costs no tokens; an endpoint call counts its completion tokens once, in the model layer.
        assertThat(metric("penguin_model_tokens_total", completion) - tokensBefore)
                .isEqualTo(calls * response.usage().completionTokens());
        assertThat(response.usage().completionTokens()).isPositive();
    }

    @Test
    void answersThroughTheConfiguredEndpointShowingOnlyTheVisibleAttributes() {
        send(request("single:Emotional State"));

        ResponseGenerated response = responses(1, Liveness.PATIENCE).get(0);
        Scenario scenario = BuiltinScenarios.all().get(1);
        assertThat(response.response()).startsWith("fake reply to: ").contains(scenario.query());
        assertThat(response.usage().provider()).isEqualTo("openai");
        assertThat(response.usage().model()).isEqualTo("fake-llm");
        assertThat(response.promptVersion()).isEqualTo(LlmTargetModel.PROMPT_VERSION);
        // The visible attributes travel in the user message's background block, never in the system message.
        JsonNode messages = FakeLlmResource.server.bodies().get(0).path("messages");
        assertThat(messages.get(0).path("content").asText()).doesNotContain("Emotional State");
        assertThat(messages.get(1).path("content").asText())
                .contains("Emotional State")
                .doesNotContain("Mental Health Status");
        assertThat(FakeLlmResource.server.authorizations()).containsOnly("Bearer " + FakeLlmResource.KEY);
        List<String> metrics = given().get("/q/metrics").asString().lines().toList();
        assertThat(metrics)
                .anyMatch(line -> line.startsWith("penguin_model_cache_total{")
                        && line.contains("model=\"fake-llm\",result=\"miss\",role=\"target\""));
        assertThat(metrics)
                .anyMatch(line -> line.startsWith("penguin_model_tokens_total{")
                        && line.contains("kind=\"prompt\",model=\"fake-llm\",role=\"target\""));
    }

    @Test
    void retriesLogOnlyTheFailureKindAndNeverTheKey() {
        FakeLlmResource.server.enqueue(FakeReply.status(401));
        FakeLlmResource.server.enqueue(FakeReply.status(500), FakeReply.status(500), FakeReply.status(500));
        send(request("context-free"));
        await().atMost(Liveness.PATIENCE).until(() -> FakeLlmResource.server.requests() >= 1);
        send(request("context-rich"));

        await().atMost(Liveness.PATIENCE).until(() -> FakeLlmResource.server.requests() >= 4);
        await().atMost(Liveness.PATIENCE)
                .until(() -> logged.stream().anyMatch(line -> line.contains("attempt 3 failed")));
        assertThat(logged).anyMatch(line -> line.contains("HTTP 401"));
        assertThat(logged).noneMatch(line -> line.contains(FakeLlmResource.KEY));
        assertThat(topics.read(
                        Topics.dlq(Topics.GENERATION_REQUESTS),
                        record -> record.value().contains(runId),
                        2,
                        Liveness.PATIENCE))
                .as("both work items failed explicitly, after the retry budget")
                .hasSize(2);
        assertThat(responses(0, Liveness.PATIENCE))
                .as("a failed call publishes no made-up response")
                .isEmpty();
    }
}
