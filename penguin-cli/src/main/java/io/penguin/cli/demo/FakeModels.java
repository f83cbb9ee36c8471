package io.penguin.cli.demo;

import io.penguin.cli.platform.ModelSettings;
import io.penguin.fakellm.FakeLlmServer;
import io.penguin.fakellm.RoleAwareResponder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every role of the demo played by the bundled fake model over real HTTP: {@link FakeLlmServer} with the
 * {@link RoleAwareResponder} on loopback in the launcher's process, declared to every service as the endpoint
 * {@value #MODEL} and bound to the judge, user-simulator and agent roles; the run's target and the planner's reward
 * (its target and judge) name it too. Optionally the agent role gets a second fake endpoint, {@value #AGENT_MODEL},
 * that fails a share of its calls without retries, so that the report shows the rule-based stand-in taking over.
 */
public final class FakeModels implements AutoCloseable {

    /** The endpoint name of the fake that plays every role. */
    public static final String MODEL = "fake-llm";

    /** The endpoint name of the failing fake the agent role is bound to when asked for. */
    public static final String AGENT_MODEL = "fake-llm-agent";

    // The fake answers at once: a limit above the services' own worker pools keeps the endpoint limit out of the way.
    private static final int CONCURRENCY = 32;

    private final FakeLlmServer fake;
    private final FakeLlmServer failingAgent;

    private FakeModels(FakeLlmServer fake, FakeLlmServer failingAgent) {
        this.fake = fake;
        this.failingAgent = failingAgent;
    }

    /**
     * Starts the fake, and the failing agent fake when {@code agentErrors} is above 0.
     *
     * @param agentErrors share of the agent role's calls answered 500
     * @param seed the draws of the failing fake
     */
    public static FakeModels start(double agentErrors, long seed) {
        if (agentErrors < 0 || agentErrors > 1) {
            throw new IllegalArgumentException("the agent's error share must be between 0 and 1, not " + agentErrors);
        }
        FakeLlmServer fake = FakeLlmServer.roleAware();
        FakeLlmServer failing = null;
        if (agentErrors > 0) {
            failing = FakeLlmServer.builder()
                    .responder(new RoleAwareResponder())
                    .serverErrors(agentErrors)
                    .seed(seed)
                    .start();
        }
        return new FakeModels(fake, failing);
    }

    /** The services' settings: the endpoints, the role bindings, and no call cache, so every call goes over HTTP. */
    public Map<String, String> settings() {
        ModelSettings settings = new ModelSettings()
                .endpoint(MODEL, fake.baseUrl(), MODEL, null)
                .endpointSetting(MODEL, "concurrency", String.valueOf(CONCURRENCY))
                .bind("judge", MODEL)
                .bind("user-simulator", MODEL)
                .bind("agent", agentModel())
                .set("penguin.models.cache.enabled", "false");
        if (failingAgent != null) {
            settings.endpoint(AGENT_MODEL, failingAgent.baseUrl(), AGENT_MODEL, null)
                    .endpointSetting(AGENT_MODEL, "concurrency", String.valueOf(CONCURRENCY))
                    // A failed call is the point: no retry hides it, and the circuit stays closed so that the agent's
                    // later calls still reach the fake rather than all failing fast.
                    .endpointSetting(AGENT_MODEL, "max-retries", "0")
                    .endpointSetting(AGENT_MODEL, "circuit-failures", "1000000");
        }
        return settings.properties();
    }

    /** The model the agent role is bound to. */
    public String agentModel() {
        return failingAgent == null ? MODEL : AGENT_MODEL;
    }

    /** The reward models of a planning request: the planner's target and judge, both the fake. */
    public Map<String, Object> plannerModels() {
        Map<String, Object> models = new LinkedHashMap<>();
        models.put("model", MODEL);
        models.put("judgeModel", MODEL);
        return models;
    }

    /** What the numbers are results of, for the printed header and the report files. */
    public String label() {
        return "FAKE-MODEL RESULTS: every role (target, judge, user simulator, agent, planner reward) was played over"
                + " HTTP by the bundled fake model (penguin-fake-llm, role-aware replies), not by a real LLM; the"
                + " numbers test the pipeline, not a model";
    }

    /** Where the fake listens, for the demo's first lines. */
    public String describe() {
        String text = "Fake model '" + MODEL + "' at " + fake.baseUrl() + " (role-aware replies)";
        if (failingAgent != null) {
            text += "; agent role on '" + AGENT_MODEL + "' at " + failingAgent.baseUrl() + " (fails a share of calls)";
        }
        return text;
    }

    /** Calls each fake answered, for the demo's last lines: every number printed comes from the fakes' own counts. */
    public long requests() {
        return fake.requests() + (failingAgent == null ? 0 : failingAgent.requests());
    }

    @Override
    public void close() {
        fake.close();
        if (failingAgent != null) {
            failingAgent.close();
        }
    }
}
