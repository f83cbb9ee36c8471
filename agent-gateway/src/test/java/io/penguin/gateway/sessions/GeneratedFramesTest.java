package io.penguin.gateway.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.penguin.contracts.agent.AgentClient;
import io.penguin.embedded.EmbeddedInfrastructureResource;
import io.penguin.embedded.GeneratedInput;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Generated frames at the live agent: every frame gets a typed answer (an error frame with a code and a message, or a
 * protocol frame), a session ends only the documented ways, and a normal session works afterwards.
 */
@QuarkusTest
@WithTestResource(EmbeddedInfrastructureResource.class)
class GeneratedFramesTest {

    private static final String KEY = "test-agent-key";
    private static final Set<String> ANSWERS = Set.of("error", "question", "response", "end");

    @TestHTTPResource("/")
    URI gateway;

    private URI ws() {
        return URI.create(gateway.toString().replaceFirst("^http", "ws"));
    }

    @Test
    void everyGeneratedFrameGetsATypedAnswerAndTheGatewayServesANormalSessionAfterwards() {
        List<String> frames = new GeneratedInput(11).bodies(300);
        AgentClient client = AgentClient.connect(ws(), KEY);
        client.next("hello");
        try {
            for (String frame : frames) {
                client.send(frame);
                List<JsonNode> answers = new java.util.ArrayList<>(List.of(client.next()));
                JsonNode first = answers.get(0);
                String type = first.path("type").asText();
                assertThat(type).as("answer to %s", frame).isIn(ANSWERS);
                if (type.equals("error")) {
                    assertThat(first.path("code").asText())
                            .as("error code for %s", frame)
                            .isNotBlank();
                    assertThat(first.path("message").asText())
                            .as("error message for %s", frame)
                            .isNotBlank();
                }
                if (type.equals("response")) {
                    answers.add(client.next("end"));
                }
                // an error frame may be followed by the end of the session (too many errors): frames already here
                answers.addAll(client.pending());
                if (answers.stream()
                        .anyMatch(answer -> answer.path("type").asText().equals("end"))) {
                    // a documented close, never an internal error; then a new connection for the next frames
                    assertThat(client.closeStatus()).as("close after %s", frame).isIn(1000, 1008);
                    client.close();
                    client = AgentClient.connect(ws(), KEY);
                    client.next("hello");
                }
            }
        } finally {
            client.close();
        }

        try (AgentClient normal = AgentClient.connect(ws(), KEY)) {
            normal.next("hello");
            normal.sendJson("type", "query", "text", "How do I tell my parents I failed my exams?");
            assertThat(normal.next().path("type").asText()).isIn("question", "response");
        }
    }
}
