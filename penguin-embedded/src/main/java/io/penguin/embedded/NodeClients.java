package io.penguin.embedded;

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
import org.opentest4j.TestAbortedException;

/**
 * Runs agent-gateway's Node scripts ({@code agent-gateway/src/test/node}: clients nobody here wrote, the official
 * {@code openai} SDK and the {@code ws} package) against a running gateway: the gateway's own {@code @QuarkusTest}s and
 * the system tests against the packaged gateway run the same scripts. The committed lock is installed once with
 * {@code npm ci} into the calling module's {@code target/node-clients}. A machine without node and npm skips these tests; under CI (environment
 * {@code CI=true}) or with {@code -Dpenguin.requireNode=true} a missing node is a failure, as a missing chromium is for
 * the report's browser check.
 */
public final class NodeClients {

    /** The scripts and their lock, seen from a test running in any module of the repository (its working directory). */
    private static final Path SOURCES = Path.of("").toAbsolutePath().getParent().resolve("agent-gateway/src/test/node");

    private static final Path WORK = Path.of("target/node-clients").toAbsolutePath();

    /**
     * What a script did.
     *
     * @param exitCode the process's exit code
     * @param output its standard output and error, interleaved
     */
    public record Run(int exitCode, String output) {}

    /**
     * What {@code openai-sdk-check.mjs} prints when every check passes: one line per check, then the summary. The
     * gateway's own test and the packaged gateway's system test run the same script and expect the same lines.
     */
    public static final List<String> OPENAI_SDK_CHECKS = List.of(
            "ok a risky query gets a question",
            "ok the replies lead to an answer",
            "ok include_usage gives a usage chunk",
            "ok a streamed answer arrives in deltas",
            "ok a wrong key raises AuthenticationError",
            "ok empty messages raise BadRequestError",
            "all checks passed");

    private NodeClients() {}

    /** Skips the calling test when node or npm is missing, unless they are required; then fails it. */
    public static void assumeNode() {
        boolean required = "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("penguin.requireNode");
        boolean present = onPath("node").isPresent() && onPath("npm").isPresent();
        if (present) {
            return;
        }
        if (required) {
            throw new AssertionError("node and npm are required under CI (apt-get install -y nodejs npm)");
        }
        throw new TestAbortedException(
                "node and npm not found on PATH (apt-get install -y nodejs npm): the Node client checks are skipped");
    }

    /** Runs {@code script} (a file of agent-gateway/src/test/node) with the gateway's URL and a client key in its environment. */
    public static Run run(String script, URI gateway, String key) throws IOException, InterruptedException {
        return run(script, gateway, key, Map.of());
    }

    /** As {@link #run(String, URI, String)}, with more environment variables for the script. */
    public static Run run(String script, URI gateway, String key, Map<String, String> environment)
            throws IOException, InterruptedException {
        install(SOURCES);
        Files.copy(SOURCES.resolve(script), WORK.resolve(script), StandardCopyOption.REPLACE_EXISTING);
        String base = gateway.toString().replaceAll("/+$", "");
        Map<String, String> variables = new java.util.HashMap<>(environment);
        variables.put("GATEWAY_URL", base);
        variables.put("PENGUIN_KEY", key);
        return exec(List.of(onPath("node").orElseThrow().toString(), script), variables, 120);
    }

    /** {@code npm ci} from the committed lock, skipped when this lock is already installed. */
    private static synchronized void install(Path sources) throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        String lock = Files.readString(sources.resolve("package-lock.json"));
        Path installed = WORK.resolve(".installed-lock");
        if (Files.exists(installed)
                && Files.readString(installed).equals(lock)
                && Files.isDirectory(WORK.resolve("node_modules/openai"))) {
            return;
        }
        Files.copy(sources.resolve("package.json"), WORK.resolve("package.json"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(
                sources.resolve("package-lock.json"),
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
        if (ci.exitCode() != 0) {
            throw new AssertionError("npm ci in " + WORK + " failed:\n" + ci.output());
        }
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
