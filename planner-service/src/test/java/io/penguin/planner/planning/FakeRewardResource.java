package io.penguin.planner.planning;

import io.penguin.fakellm.FakeLlmServer;
import io.penguin.fakellm.RoleAwareResponder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Duration;
import java.util.Map;

/**
 * A role-aware fake OpenAI-compatible server answering in 50 ms, configured as the endpoint {@value #MODEL}: the
 * planner's reward (its target and judge calls) over real HTTP.
 */
public class FakeRewardResource implements QuarkusTestResourceLifecycleManager {

    public static final String MODEL = "fake-reward";

    static FakeLlmServer server;

    @Override
    public Map<String, String> start() {
        server = FakeLlmServer.builder()
                .responder(new RoleAwareResponder())
                .latency(Duration.ofMillis(50))
                .start();
        String endpoint = "penguin.models.endpoints." + MODEL + ".";
        return Map.of(
                endpoint + "base-url", server.baseUrl(),
                endpoint + "model", MODEL,
                endpoint + "concurrency", "16",
                endpoint + "max-retries", "1",
                endpoint + "initial-backoff", "10ms",
                endpoint + "max-backoff", "20ms");
    }

    @Override
    public void stop() {
        server.close();
    }
}
