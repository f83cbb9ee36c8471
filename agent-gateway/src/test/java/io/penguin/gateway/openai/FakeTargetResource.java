package io.penguin.gateway.openai;

import io.penguin.fakellm.FakeLlmServer;
import io.penguin.fakellm.RoleAwareResponder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A target model on an endpoint, {@code fake-target}, played by a role-aware fake, so that a test can read the prompts
 * the target was sent. The agent policy stays the offline reference one.
 */
public class FakeTargetResource implements QuarkusTestResourceLifecycleManager {

    static final String MODEL = "fake-target";

    static FakeLlmServer server;

    @Override
    public Map<String, String> start() {
        server = FakeLlmServer.builder().responder(new RoleAwareResponder()).start();
        return Map.of(
                "penguin.models.endpoints." + MODEL + ".base-url",
                server.baseUrl(),
                "penguin.models.endpoints." + MODEL + ".model",
                "fake-model",
                "penguin.models.endpoints." + MODEL + ".max-retries",
                "0",
                "penguin.gateway.agent.default-model",
                "reference");
    }

    @Override
    public void stop() {
        server.close();
    }
}
