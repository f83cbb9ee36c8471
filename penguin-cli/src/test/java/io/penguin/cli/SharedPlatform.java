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

    /** The name of the target model served by the fake OpenAI-compatible server. */
    static final String FAKE_MODEL = "fake-llm";

    static Path home() {
        return Path.of(System.getProperty("penguin.home", ".."))
                .toAbsolutePath()
                .normalize();
    }

    static synchronized Platform get() {
        if (platform == null) {
            fakeLlm = FakeLlmServer.start();
            String endpoint = "penguin.models.endpoints." + FAKE_MODEL + ".";
            Map<String, String> properties = Map.of(
                    endpoint + "base-url", fakeLlm.baseUrl(),
                    endpoint + "model", FAKE_MODEL,
                    endpoint + "max-retries", "1",
                    endpoint + "initial-backoff", "10ms",
                    endpoint + "max-backoff", "20ms",
                    endpoint + "circuit-failures", "1000");
            platform = Platform.start(
                    home(),
                    home().resolve("penguin-cli/target/penguin-it"),
                    Duration.ofMinutes(3),
                    System.out,
                    properties);
        }
        return platform;
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
        }
    }
}
