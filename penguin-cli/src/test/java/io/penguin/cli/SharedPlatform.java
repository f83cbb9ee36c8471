package io.penguin.cli;

import io.penguin.cli.platform.Platform;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * One platform (broker, database, five service processes) per test JVM, shared by the system tests, and stopped
 * when the test session closes rather than in a shutdown hook racing the JVM's exit.
 */
public final class SharedPlatform implements LauncherSessionListener {

    private static Platform platform;

    static Path home() {
        return Path.of(System.getProperty("penguin.home", ".."))
                .toAbsolutePath()
                .normalize();
    }

    static synchronized Platform get() {
        if (platform == null) {
            platform = Platform.start(
                    home(), home().resolve("penguin-cli/target/penguin-it"), Duration.ofMinutes(3), System.out);
        }
        return platform;
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        synchronized (SharedPlatform.class) {
            if (platform != null) {
                platform.close();
                platform = null;
            }
        }
    }
}
