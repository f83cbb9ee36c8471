package io.penguin.generation.models;

import io.penguin.fakellm.FakeLlmServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Starts the fake OpenAI-compatible server and configures the endpoint {@code fake-llm} on it, key from a file. */
public class FakeLlmResource implements QuarkusTestResourceLifecycleManager {

    public static final String KEY = "sk-quarkus-test-5e1d7c9a3b";

    static FakeLlmServer server;
    private Path keyFile;

    @Override
    public Map<String, String> start() {
        server = FakeLlmServer.start();
        try {
            keyFile = Files.createTempFile("penguin-key", ".txt");
            Files.writeString(keyFile, KEY + "\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of(
                "penguin.models.endpoints.fake-llm.base-url", server.baseUrl(),
                "penguin.models.endpoints.fake-llm.model", "fake-model",
                "penguin.models.endpoints.fake-llm.api-key-file", keyFile.toString(),
                "penguin.models.endpoints.fake-llm.max-retries", "2",
                "penguin.models.endpoints.fake-llm.initial-backoff", "10ms",
                "penguin.models.endpoints.fake-llm.max-backoff", "50ms");
    }

    @Override
    public void stop() {
        server.close();
        try {
            Files.deleteIfExists(keyFile);
        } catch (IOException e) {
            // a temp file left behind is harmless
        }
    }
}
