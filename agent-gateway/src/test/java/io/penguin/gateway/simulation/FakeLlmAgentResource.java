package io.penguin.gateway.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import io.penguin.fakellm.CapturedLogs;
import io.penguin.fakellm.FakeLlmServer;
import io.penguin.fakellm.RoleAwareResponder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The endpoint {@code fake-llm} on a role-aware fake that plays the agent and the simulated user, except that it
 * garbles every attribute choice: each choice of a dialogue is a fallback, every rating and answer is the model's.
 * The default live model is left unset, and the log is captured from before the gateway starts, so that its start-up
 * notice can be read.
 */
public class FakeLlmAgentResource implements QuarkusTestResourceLifecycleManager {

    static final String ENDPOINT = "fake-llm";

    static FakeLlmServer server;
    static final CapturedLogs STARTUP_LOG = new CapturedLogs();

    @Override
    public Map<String, String> start() {
        Logger.getLogger("").addHandler(STARTUP_LOG);
        Function<JsonNode, String> roles = new RoleAwareResponder();
        server = FakeLlmServer.builder()
                .responder(body -> RoleAwareResponder.roleOf(body) == RoleAwareResponder.Role.AGENT_CHOICE
                        ? "I would ask them how they feel"
                        : roles.apply(body))
                .start();
        return Map.of(
                "penguin.models.endpoints." + ENDPOINT + ".base-url",
                server.baseUrl(),
                "penguin.models.endpoints." + ENDPOINT + ".model",
                "fake-model",
                "penguin.models.endpoints." + ENDPOINT + ".max-retries",
                "0",
                "penguin.models.roles.agent",
                ENDPOINT,
                "penguin.models.roles.user-simulator",
                ENDPOINT);
    }

    @Override
    public void stop() {
        Logger.getLogger("").removeHandler(STARTUP_LOG);
        server.close();
    }
}
