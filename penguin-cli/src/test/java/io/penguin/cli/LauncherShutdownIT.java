package io.penguin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.penguin.embedded.Liveness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whatever {@code penguin up} starts ends with it: on SIGTERM (the launcher stops its services, then the broker and
 * the database) and when the launcher is SIGKILLed (each service notices its parent is gone and stops itself).
 */
class LauncherShutdownIT {

    private record Launcher(Process process, Path output) {

        /** The service JVMs the launcher started (its other children, such as PostgreSQL's, are not services). */
        List<ProcessHandle> services() {
            return process.children()
                    .filter(child -> child.info().command().orElse("").endsWith("java"))
                    .toList();
        }

        String printed() throws IOException {
            return Files.readString(output);
        }
    }

    private static Launcher up(String name) throws IOException {
        Path home = SharedPlatform.home();
        Path output = home.resolve("penguin-cli/target/" + name + ".out");
        Files.createDirectories(output.getParent());
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dpenguin.home=" + home,
                        "-jar",
                        home.resolve("penguin-cli/target/penguin-cli.jar").toString(),
                        "up")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        Launcher launcher = new Launcher(process, output);
        await().atMost(Liveness.PATIENCE).until(() -> launcher.printed().contains("Platform ready"));
        return launcher;
    }

    @Test
    void aSigtermToTheLauncherStopsEveryServiceItStartedAndTheBrokerWithoutAFatalError() throws Exception {
        Launcher launcher = up("launcher-sigterm");
        List<ProcessHandle> services = launcher.services();
        assertThat(services).as("the five services run as child processes").hasSizeGreaterThanOrEqualTo(5);

        launcher.process().destroy();

        await().atMost(Liveness.PATIENCE).until(() -> !launcher.process().isAlive());
        await().atMost(Liveness.PATIENCE).until(() -> services.stream().noneMatch(ProcessHandle::isAlive));
        assertThat(launcher.printed()).doesNotContain("FATAL").doesNotContain("log dir");
    }

    @Test
    void servicesOfASigkilledLauncherNoticeTheirParentIsGoneAndStop() throws Exception {
        Launcher launcher = up("launcher-sigkill");
        List<ProcessHandle> services = launcher.services();
        assertThat(services).hasSizeGreaterThanOrEqualTo(5);
        assertThat(launcher.printed()).contains("127.0.0.1").as("services listen on loopback");

        launcher.process().destroyForcibly();

        await().atMost(Liveness.PATIENCE).until(() -> services.stream().noneMatch(ProcessHandle::isAlive));
    }
}
