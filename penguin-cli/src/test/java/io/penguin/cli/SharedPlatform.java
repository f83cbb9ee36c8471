package io.penguin.cli;

import io.penguin.cli.platform.Platform;
import io.penguin.fakellm.FakeLlmServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * One platform (broker, database, five service processes) per test JVM, shared by the system tests, and stopped
 * when the test session closes rather than in a shutdown hook racing the JVM's exit.
 */
public final class SharedPlatform implements LauncherSessionListener {

    private static Platform platform;
    private static FakeLlmServer fakeLlm;
    private static FakeLlmServer releases;
    private static final ReleaseResponder RELEASE_RESPONDER = new ReleaseResponder();

    /** The name of the target model served by the fake OpenAI-compatible server. */
    static final String FAKE_MODEL = "fake-llm";

    /** A released model and its release candidate, both on a role-aware fake ({@link ReleaseResponder}). */
    static final String RELEASED_MODEL = "fake-released";

    static final String CANDIDATE_MODEL = "fake-candidate";

    /** An LLM judge on the same role-aware fake, for runs of the two above. */
    static final String RELEASE_JUDGE = "fake-release-judge";

    static Path home() {
        return Path.of(System.getProperty("penguin.home", ".."))
                .toAbsolutePath()
                .normalize();
    }

    static synchronized Platform get() {
        if (platform == null) {
            fakeLlm = FakeLlmServer.start();
            releases = FakeLlmServer.builder().responder(RELEASE_RESPONDER).start();
            Map<String, String> properties = new java.util.HashMap<>();
            endpoint(properties, FAKE_MODEL, fakeLlm);
            endpoint(properties, RELEASED_MODEL, releases);
            endpoint(properties, CANDIDATE_MODEL, releases);
            endpoint(properties, RELEASE_JUDGE, releases);
            platform = Platform.start(
                    home(),
                    home().resolve("penguin-cli/target/penguin-it"),
                    Duration.ofMinutes(3),
                    System.out,
                    properties);
        }
        return platform;
    }

    private static void endpoint(Map<String, String> properties, String model, FakeLlmServer server) {
        String endpoint = "penguin.models.endpoints." + model + ".";
        properties.put(endpoint + "base-url", server.baseUrl());
        properties.put(endpoint + "model", model);
        properties.put(endpoint + "max-retries", "1");
        properties.put(endpoint + "initial-backoff", "10ms");
        properties.put(endpoint + "max-backoff", "20ms");
        properties.put(endpoint + "circuit-failures", "1000");
    }

    /** What answers for {@value #RELEASED_MODEL}, {@value #CANDIDATE_MODEL} and {@value #RELEASE_JUDGE}. */
    static ReleaseResponder releases() {
        get();
        return RELEASE_RESPONDER;
    }

    /** The fake OpenAI-compatible server behind the {@value #FAKE_MODEL} target model. */
    static synchronized FakeLlmServer fakeLlm() {
        get();
        return fakeLlm;
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        synchronized (SharedPlatform.class) {
            if (platform != null) {
                platform.close();
                platform = null;
            }
            if (fakeLlm != null) {
                fakeLlm.close();
                fakeLlm = null;
            }
            if (releases != null) {
                releases.close();
                releases = null;
            }
        }
    }
}
