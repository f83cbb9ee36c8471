package io.penguin.embedded;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the JVM's shared broker and database when the JUnit session ends, before the test JVM exits: stopping
 * them in a shutdown hook races the test runner's exit timeout on a loaded machine.
 */
public class SharedInfrastructureSession implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        EmbeddedInfrastructure.closeShared();
    }
}
