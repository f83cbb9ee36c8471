package io.penguin.gateway.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.penguin.agent.retrieval.PolicyIndex;
import io.penguin.contracts.agent.AgentClient;
import io.penguin.contracts.agent.AgentProtocol;
import io.penguin.embedded.EmbeddedInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A WebSocket query that needs retrieval while the embedder cannot serve gets a typed {@code unavailable} error, not
 * {@code internal}: the session stays open and as it was, so the same query sent again once retrieval is back is served.
 */
@QuarkusTest
@WithTestResource(EmbeddedInfrastructureResource.class)
class RetrievalUnavailableSessionTest {

    private static final String KEY = "test-agent-key";
    private static final String EXAMS = "How do I tell my parents I failed my exams?";

    private final AtomicBoolean embedderBroken = new AtomicBoolean(true);

    @TestHTTPResource("/")
    URI gateway;

    @BeforeEach
    void breakTheEmbedderUntilTheTestMendsIt() {
        QuarkusMock.installMockForType(
                new PolicyIndex(text -> new float[] {1}, text -> {
                    if (embedderBroken.get()) {
                        // as on a machine where the tokenizer's native library did not load
                        throw new NoClassDefFoundError(
                                "Could not initialize class ai.djl.huggingface.tokenizers.jni.LibUtils");
                    }
                    return new float[] {1};
                }),
                PolicyIndex.class);
    }

    @Test
    void aQueryWhileRetrievalIsDownIsAnsweredUnavailableAndTheSameQueryIsServedOnceItIsBack() {
        for (String protocol : new String[] {AgentProtocol.V1, AgentProtocol.V2}) {
            embedderBroken.set(true);
            try (AgentClient client =
                    AgentClient.to(ws()).key(KEY).protocols(protocol).connect()) {
                client.next("hello");

                client.sendJson("type", "query", "text", EXAMS, "mode", "planner");
                JsonNode refused = client.next("error");
                assertThat(refused.path("code").asText()).as(protocol).isEqualTo("unavailable");
                assertThat(refused.path("message").asText())
                        .as(protocol)
                        .startsWith("policy retrieval is unavailable")
                        .contains("NoClassDefFoundError")
                        .endsWith("send the query again later");

                embedderBroken.set(false);
                client.sendJson("type", "query", "text", EXAMS, "mode", "planner");
                JsonNode served = client.next();
                assertThat(served.path("type").asText())
                        .as(protocol + ": the query sent again starts the dialogue")
                        .isIn("question", "delta", "response");
            }
        }
    }

    private URI ws() {
        return URI.create("ws://" + gateway.getHost() + ":" + gateway.getPort() + "/");
    }
}
