package io.penguin.gateway.openai;

import io.penguin.fakellm.FakeLlmServer;
import io.penguin.fakellm.RoleAwareResponder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Target models on endpoints, {@code fake-target} and {@code gated-target}, played by role-aware fakes, so that a test
 * can read the prompts the target was sent and hold a streamed answer's end. The agent policy stays the offline reference one.
 */
public class FakeTargetResource implements QuarkusTestResourceLifecycleManager {

    static final String MODEL = "fake-target";

    /** A second target whose streams a test can hold ({@link FakeLlmServer#holdStreamsUntil}). */
    static final String GATED_MODEL = "gated-target";

    static FakeLlmServer server;
    static FakeLlmServer gated;

    @Override
    public Map<String, String> start() {
        server = FakeLlmServer.builder().responder(new RoleAwareResponder()).start();
        gated = FakeLlmServer.builder().responder(new RoleAwareResponder()).start();
        return Map.of(
                "penguin.models.endpoints." + GATED_MODEL + ".base-url",
                gated.baseUrl(),
                "penguin.models.endpoints." + GATED_MODEL + ".model",
                "fake-model",
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
        gated.close();
    }
}
