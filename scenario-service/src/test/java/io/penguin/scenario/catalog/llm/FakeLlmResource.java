package io.penguin.scenario.catalog.llm;

import io.penguin.catalog.writing.llm.FakeScenarioWriter;
import io.penguin.fakellm.FakeLlmServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts the fake OpenAI-compatible server (real HTTP on loopback) answering as {@link FakeScenarioWriter}, and
 * configures it as the model endpoint {@code writer}.
 */
public class FakeLlmResource implements QuarkusTestResourceLifecycleManager {

    private static volatile FakeLlmServer server;

    /** The running server, for tests to script replies and read what it was sent. */
    public static FakeLlmServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = FakeLlmServer.builder().responder(new FakeScenarioWriter()).start();
        String prefix = "penguin.models.endpoints.writer.";
        return Map.of(
                prefix + "base-url", server.baseUrl(),
                prefix + "model", "fake-writer",
                prefix + "concurrency", "4",
                prefix + "max-retries", "1",
                prefix + "initial-backoff", "10ms",
                prefix + "max-backoff", "50ms",
                prefix + "timeout", "20s");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
