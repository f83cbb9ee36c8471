package io.penguin.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real headless browser (Debian's chromium) driven over the Chrome DevTools Protocol, for tests of pages that talk
 * to the platform: open a page, run JavaScript in it (fill a field, click), read the DOM. No WebDriver, nothing
 * downloaded: chromium comes from the system package, the protocol client is the JDK's WebSocket.
 */
public final class HeadlessBrowser implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    private HeadlessBrowser(Process process, Path profile, URI devtools) {
        this.process = process;
        this.profile = profile;
        this.socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(devtools, new Listener())
                .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
                .join();
    }

    /** Debian's chromium, if installed. */
    public static Optional<Path> chromium() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Optional.of(Path.of(candidate));
            }
        }
        return Optional.empty();
    }

    /** True when the environment demands the browser checks run (CI=true or -Dpenguin.requireChromium=true). */
    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("penguin.requireChromium");
    }

    public static HeadlessBrowser start(Path chromium) throws IOException {
        Path profile = Files.createTempDirectory("penguin-chromium-");
        Process process = new ProcessBuilder(
                        chromium.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--remote-debugging-address=127.0.0.1",
                        "--remote-debugging-port=0",
                        "--user-data-dir=" + profile,
                        "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        CompletableFuture<URI> devtools = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader stderr = new BufferedReader(
                            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = stderr.readLine()) != null) {
                            Matcher matcher = DEVTOOLS.matcher(line);
                            if (matcher.find()) {
                                devtools.complete(URI.create(matcher.group(1)));
                            }
                        }
                        devtools.completeExceptionally(new IllegalStateException("chromium exited"));
                    } catch (IOException e) {
                        devtools.completeExceptionally(e);
                    }
                },
                "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            return new HeadlessBrowser(
                    process,
                    profile,
                    devtools.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join());
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** Opens a page in a new tab and waits until it has loaded. */
    public Page open(String url) {
        String targetId = call(null, "Target.createTarget", Map.of("url", "about:blank"))
                .path("targetId")
                .asText();
        String sessionId = call(null, "Target.attachToTarget", Map.of("targetId", targetId, "flatten", true))
                .path("sessionId")
                .asText();
        Page page = new Page(sessionId);
        call(sessionId, "Page.enable", Map.of());
        call(sessionId, "Page.navigate", Map.of("url", url));
        page.waitFor("document.readyState === 'complete' && location.href !== 'about:blank'");
        return page;
    }

    /** One tab. */
    public final class Page {

        private final String sessionId;

        private Page(String sessionId) {
            this.sessionId = sessionId;
        }

        /** Runs a JavaScript expression in the page and returns its value (JSON), failing on an exception. */
        public JsonNode evaluate(String expression) {
            JsonNode result =
                    call(sessionId, "Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
            if (result.has("exceptionDetails")) {
                throw new AssertionError("page script failed: " + result.path("exceptionDetails"));
            }
            return result.path("result").path("value");
        }

        /** Waits until a JavaScript expression is true in the page (polls the page, up to 60 s). */
        public void waitFor(String condition) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                if (evaluate("Boolean(" + condition + ")").asBoolean()) {
                    return;
                }
                // the browser answers the next evaluation after its own event loop turn; no sleep needed
                call(
                        sessionId,
                        "Runtime.evaluate",
                        Map.of("expression", "new Promise(r => setTimeout(r, 50))", "awaitPromise", true));
            }
            throw new AssertionError("the page never satisfied: " + condition);
        }

        /** Writes a PNG of the page as a window of this size shows it. */
        public Path screenshot(Path file, int width, int height) throws IOException {
            call(
                    sessionId,
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
            JsonNode shot = call(sessionId, "Page.captureScreenshot", Map.of("format", "png"));
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(
                    file, java.util.Base64.getDecoder().decode(shot.path("data").asText()));
            return file;
        }
    }

    private JsonNode call(String sessionId, String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        replies.put(id, reply);
        socket.sendText(message.toString(), true).join();
        JsonNode answer = reply.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
        if (answer.has("error")) {
            throw new AssertionError(method + " failed: " + answer.path("error"));
        }
        return answer.path("result");
    }

    @Override
    public void close() {
        socket.abort();
        // Chromium's helpers (the network service, renderers) are processes of their own that go on writing into the
        // profile after the browser process is gone: stop them all, then delete the profile.
        List<ProcessHandle> helpers = process.descendants().toList();
        stop(process.toHandle());
        helpers.forEach(HeadlessBrowser::stop);
        deleteProfile();
    }

    private static void stop(ProcessHandle handle) {
        handle.destroy();
        try {
            handle.onExit().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            handle.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.destroyForcibly();
        }
    }

    /**
     * Deletes the temporary profile. A file may still vanish while the tree is walked (a helper's atomic rename just
     * before it stopped): walking fails then with an UncheckedIOException, and the walk is tried again.
     */
    private void deleteProfile() {
        for (int attempt = 0; attempt < 3 && Files.exists(profile); attempt++) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException | java.io.UncheckedIOException ignored) {
                // try again; a temporary profile left behind is harmless
            }
        }
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> reply =
                                replies.remove(message.get("id").asInt());
                        if (reply != null) {
                            reply.complete(message);
                        }
                    }
                } catch (IOException e) {
                    replies.values().forEach(reply -> reply.completeExceptionally(e));
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
