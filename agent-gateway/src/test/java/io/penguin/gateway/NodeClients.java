package io.penguin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the Node scripts of {@code src/test/node} (clients nobody here wrote: the official {@code openai} SDK and the
 * {@code ws} package) against a test's running gateway. The committed lock is installed once with {@code npm ci} into
 * {@code target/node-clients}. A machine without node and npm skips these tests; under CI (environment
 * {@code CI=true}) or with {@code -Dpenguin.requireNode=true} a missing node is a failure, as a missing chromium is for
 * the report's browser check.
 */
public final class NodeClients {

    private static final Path SOURCES = Path.of("src/test/node").toAbsolutePath();
    private static final Path WORK = Path.of("target/node-clients").toAbsolutePath();

    /**
     * What a script did.
     *
     * @param exitCode the process's exit code
     * @param output its standard output and error, interleaved
     */
    public record Run(int exitCode, String output) {}

    private NodeClients() {}

    /** Skips the calling test when node or npm is missing, unless they are required; then fails it. */
    public static void assumeNode() {
        boolean required = "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("penguin.requireNode");
        boolean present = onPath("node").isPresent() && onPath("npm").isPresent();
        Assumptions.assumeTrue(
                required || present,
                "node and npm not found on PATH (apt-get install -y nodejs npm): the Node client checks are skipped");
        assertThat(present)
                .as("node and npm are required under CI (apt-get install -y nodejs npm)")
                .isTrue();
    }

    /** Runs {@code script} (a file of src/test/node) with the gateway's URL and a client key in its environment. */
    public static Run run(String script, URI gateway, String key) throws IOException, InterruptedException {
        install();
        Files.copy(SOURCES.resolve(script), WORK.resolve(script), StandardCopyOption.REPLACE_EXISTING);
        String base = gateway.toString().replaceAll("/+$", "");
        return exec(
                List.of(onPath("node").orElseThrow().toString(), script),
                Map.of("GATEWAY_URL", base, "PENGUIN_KEY", key),
                120);
    }

    /** {@code npm ci} from the committed lock, skipped when this lock is already installed. */
    private static synchronized void install() throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        String lock = Files.readString(SOURCES.resolve("package-lock.json"));
        Path installed = WORK.resolve(".installed-lock");
        if (Files.exists(installed)
                && Files.readString(installed).equals(lock)
                && Files.isDirectory(WORK.resolve("node_modules/openai"))) {
            return;
        }
        Files.copy(SOURCES.resolve("package.json"), WORK.resolve("package.json"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(
                SOURCES.resolve("package-lock.json"),
                WORK.resolve("package-lock.json"),
                StandardCopyOption.REPLACE_EXISTING);
        Run ci = exec(
                List.of(
                        onPath("npm").orElseThrow().toString(),
                        "ci",
                        "--no-audit",
                        "--no-fund",
                        "--prefer-offline",
                        "--loglevel=error"),
                Map.of(),
                300);
        assertThat(ci.exitCode()).as("npm ci in %s:%n%s", WORK, ci.output()).isZero();
        Files.writeString(installed, lock);
    }

    private static Run exec(List<String> command, Map<String, String> environment, int timeoutSeconds)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("node-client", ".log");
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                .directory(WORK.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            throw new AssertionError(command + " did not finish within " + timeoutSeconds + " s:\n" + output);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        return new Run(process.exitValue(), output);
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
