package io.penguin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.penguin.cli.platform.Platform;
import io.penguin.cli.platform.ServiceSpec;
import io.penguin.contracts.agent.AgentClient;
import io.penguin.embedded.HeadlessBrowser;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Live agent sessions against the packaged agent-gateway process of the embedded platform, with real WebSocket
 * clients (the JDK's, and headless chromium through the chat page).
 */
class AgentSessionsIT {

    private static final String QUERY = "Is there any point if I just disappear?";

    private final Platform platform = SharedPlatform.get();

    private URI gateway() {
        URI http = platform.url(ServiceSpec.GATEWAY);
        return URI.create("ws://" + http.getHost() + ":" + http.getPort() + "/");
    }

    @Test
    void aFullSessionAsksAnswersTakesADeclineAndResponds() {
        try (AgentClient client = AgentClient.connect(gateway(), platform.agentKey())) {
            client.next("hello");
            client.sendJson("type", "query", "text", QUERY, "mode", "planner");
            JsonNode first = client.next("question");
            assertThat(first.path("attribute").asText())
                    .as("risk language: the self-harm history first")
                    .isEqualTo("Past Self-Harm History");
            assertThat(first.path("text").asText()).contains("you don't have to answer");
            client.sendJson("type", "decline", "questionId", "q1");
            JsonNode second = client.next("question");
            client.sendJson(
                    "type", "answer", "questionId", second.path("questionId").asText(), "text", "Low. Numb most days.");
            JsonNode frame = client.next();
            while (frame.path("type").asText().equals("question")) {
                client.sendJson(
                        "type", "answer", "questionId", frame.path("questionId").asText(), "text", "24");
                frame = client.next();
            }

            assertThat(frame.path("type").asText()).isEqualTo("response");
            assertThat(frame.path("attributesAsked").get(0).asText()).isEqualTo("Past Self-Harm History");
            assertThat(frame.path("attributesAnswered").toString()).doesNotContain("Past Self-Harm History");
            assertThat(frame.path("attributesAsked").size()).isBetween(2, 4);
            assertThat(frame.path("text").asText()).isNotBlank();
            assertThat(client.next("end").path("reason").asText()).isEqualTo("completed");
        }
    }

    @Test
    void badFramesGetTypedErrorsAndTheSessionGoesOn() {
        try (AgentClient client = AgentClient.connect(gateway(), platform.agentKey())) {
            client.next("hello");
            client.send("not json at all");
            assertThat(client.next("error").path("code").asText()).isEqualTo("malformed-frame");
            client.sendJson("type", "query", "text", QUERY, "mode", "oracle");
            assertThat(client.next("error").path("message").asText()).contains("unknown agent mode 'oracle'");
            client.sendJson("type", "query", "text", QUERY);
            assertThat(client.next("question").path("questionId").asText()).isEqualTo("q1");
            client.sendJson("type", "end");
            assertThat(client.next("end").path("reason").asText()).isEqualTo("client-ended");
        }
    }

    @Test
    void aClientWithoutAValidKeyIsRefused() {
        assertThat(AgentClient.refusedStatus(gateway(), null)).isEqualTo(401);
        assertThat(AgentClient.refusedStatus(gateway(), platform.agentKey() + "x"))
                .isEqualTo(401);
    }

    @Test
    void theChatPageWorksInAHeadlessBrowser() throws Exception {
        Path chromium = HeadlessBrowser.chromiumForTest();
        try (HeadlessBrowser browser = HeadlessBrowser.start(chromium)) {
            HeadlessBrowser.Page page =
                    browser.open(platform.url(ServiceSpec.GATEWAY).toString());
            page.evaluate("document.getElementById('key').value = '" + platform.agentKey() + "';"
                    + "document.getElementById('query').value = 'My savings are gone and I feel ashamed.';"
                    + "document.getElementById('ask').click(); true");
            // answer every question with the same words until the response arrives
            page.waitFor("document.querySelector('.msg.response .asked') !== null"
                    + " || ((f => f && (f.querySelector('.answer-input').value = 'Anxious',"
                    + " f.querySelector('.answer').click()))(document.querySelector('.msg.question form.reply')),"
                    + " false)");
            assertThat(page.evaluate("document.querySelectorAll('.msg.question').length")
                            .asInt())
                    .isBetween(1, 4);
            assertThat(page.evaluate("document.querySelector('.msg.response .asked').textContent")
                            .asText())
                    .startsWith("Asked about: ");
        }
    }

    @Test
    void aGatewayShuttingDownEndsItsSessionsPolitely() {
        try (AgentClient client = AgentClient.connect(gateway(), platform.agentKey())) {
            client.next("hello");
            client.sendJson("type", "query", "text", QUERY);
            client.next("question");

            platform.stop(ServiceSpec.GATEWAY);

            assertThat(client.next("end").path("reason").asText()).isEqualTo("server-shutdown");
            assertThat(client.closeStatus()).isEqualTo(1001);
        } finally {
            platform.restart(ServiceSpec.GATEWAY, Duration.ofMinutes(2));
        }
    }
}
