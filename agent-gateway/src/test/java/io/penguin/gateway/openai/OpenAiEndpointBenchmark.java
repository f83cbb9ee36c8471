package io.penguin.gateway.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.penguin.bench.BenchmarkFigures;
import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Scenario;
import io.penguin.embedded.EmbeddedInfrastructureResource;
import io.penguin.fakellm.FakeLlmServer;
import io.penguin.fakellm.RoleAwareResponder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The gateway's own time per turn on the chat-completions path, over the target model's: 200 conversations at once,
 * each a built-in scenario's query, every question answered from its profile, until the answer. The target is a fake
 * endpoint that takes exactly {@value #TARGET_MILLIS} ms per call; a question turn makes no target call (the agent
 * model is the offline reference one), an answer turn makes one. So a question turn's overhead is its whole time, an
 * answer turn's its time less {@value #TARGET_MILLIS} ms. Prints the figures; asserts only that every conversation
 * got its answer.
 */
@QuarkusTest
@TestProfile(OpenAiEndpointBenchmark.Roomy.class)
@WithTestResource(EmbeddedInfrastructureResource.class)
@WithTestResource(OpenAiEndpointBenchmark.SlowTarget.class)
class OpenAiEndpointBenchmark {

    static final long TARGET_MILLIS = 200;
    /** Conversations at once ({@code -Dpenguin.bench.conversations}; 200 by default). */
    private static final int CONVERSATIONS = Integer.getInteger("penguin.bench.conversations", 200);

    private static final int ROUNDS = 3;
    private static final String MODEL = "bench-target";

    /** The agent mode: {@code planner} (the default; embeds the query and retrieves each turn) or {@code agent}. */
    static final String MODE = System.getProperty("penguin.bench.mode", "planner");

    /**
     * {@code shared} (the default): the conversations' queries are the 14 built-in ones, so most repeat one another;
     * {@code unique}: each conversation's query is its own (the built-in query plus its number), as real users' are.
     */
    static final String QUERIES = System.getProperty("penguin.bench.queries", "shared");

    /** Query embeddings the gateway holds ({@code penguin.gateway.agent.query-embedding-cache-size}); 0 for none. */
    static final String EMBEDDING_CACHE = System.getProperty("penguin.bench.embedding-cache", "4096");

    /**
     * {@code true}: every request asks {@code stream: true} (with usage) and a turn's time runs to {@code [DONE]};
     * answer turns also report when their first content delta came.
     */
    static final boolean STREAM = Boolean.getBoolean("penguin.bench.stream");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Limits that 200 conversations of one client stay within. */
    public static class Roomy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // no call cache: every answer turn calls the target, as a real conversation's unique history does
            return Map.of(
                    "penguin.gateway.limits.max-sessions-per-client", "1000",
                    "penguin.gateway.limits.client-messages-per-minute", "1000000",
                    "penguin.models.cache.enabled", "false",
                    "penguin.gateway.openai.mode", MODE,
                    "penguin.gateway.agent.query-embedding-cache-size", EMBEDDING_CACHE);
        }
    }

    /** The target: every call takes {@value #TARGET_MILLIS} ms; as many in flight as the gateway sends. */
    public static class SlowTarget implements QuarkusTestResourceLifecycleManager {
        static FakeLlmServer server;

        @Override
        public Map<String, String> start() {
            server = FakeLlmServer.builder()
                    .responder(new RoleAwareResponder())
                    .latency(Duration.ofMillis(TARGET_MILLIS))
                    .start();
            String prefix = "penguin.models.endpoints." + MODEL + ".";
            return Map.of(
                    prefix + "base-url", server.baseUrl(),
                    prefix + "model", "fake-model",
                    prefix + "max-retries", "0",
                    prefix + "concurrency", "1000");
        }

        @Override
        public void stop() {
            server.close();
        }
    }

    @TestHTTPResource("/v1/chat/completions")
    URI endpoint;

    @Test
    void printsTheGatewaysOverheadPerTurnAt200ConcurrentConversations() throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        List<Scenario> scenarios = BuiltinScenarios.all();
        // warm-up: the JIT, the connection pool, the embedder
        for (int i = 0; i < 20; i++) {
            converse(http, scenarios.get(i % scenarios.size()), "warm-up " + i, new Turns());
        }

        long callsBefore = SlowTarget.server.requests();
        String loadBefore = loadAverage();
        Turns turns = new Turns();
        AtomicInteger answered = new AtomicInteger();
        ExecutorService users = Executors.newFixedThreadPool(CONVERSATIONS);
        long started = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int user = 0; user < CONVERSATIONS; user++) {
                int number = user;
                running.add(users.submit(() -> {
                    for (int round = 0; round < ROUNDS; round++) {
                        String conversation = "conversation " + (number * ROUNDS + round);
                        if (converse(http, scenarios.get((number + round) % scenarios.size()), conversation, turns)) {
                            answered.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> user : running) {
                user.get(10, TimeUnit.MINUTES);
            }
        } finally {
            users.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        long[] questions = turns.sorted(turns.questionNanos);
        long[] answers = turns.sorted(turns.answerNanos);
        long targetNanos = TimeUnit.MILLISECONDS.toNanos(TARGET_MILLIS);
        long[] answerOverhead =
                java.util.Arrays.stream(answers).map(n -> n - targetNanos).toArray();
        long[] all = java.util.stream.LongStream.concat(
                        java.util.Arrays.stream(questions), java.util.Arrays.stream(answerOverhead))
                .sorted()
                .toArray();
        System.out.printf(
                Locale.ROOT,
                "OpenAiEndpointBenchmark (" + MODE + " mode, " + QUERIES + " queries, query embedding cache "
                        + EMBEDDING_CACHE
                        + (STREAM ? ", streamed" : "")
                        + "): %d conversations (%d at once, %d rounds), %d answered, %d turns in %.1f s;"
                        + " target model %d ms per call, %d calls, peak %d in flight; load average %s before, %s after%n",
                CONVERSATIONS * ROUNDS,
                CONVERSATIONS,
                ROUNDS,
                answered.get(),
                questions.length + answers.length,
                seconds,
                TARGET_MILLIS,
                SlowTarget.server.requests() - callsBefore,
                SlowTarget.server.maxConcurrency(),
                loadBefore,
                loadAverage());
        System.out.printf(
                Locale.ROOT,
                "gateway overhead per turn, all turns   : p50 %.2f ms, p99 %.2f ms (%d turns)%n",
                millis(all, 0.50),
                millis(all, 0.99),
                all.length);
        System.out.printf(
                Locale.ROOT,
                "gateway overhead per turn, question    : p50 %.2f ms, p99 %.2f ms (%d turns, no target call)%n",
                millis(questions, 0.50),
                millis(questions, 0.99),
                questions.length);
        System.out.printf(
                Locale.ROOT,
                "gateway overhead per turn, answer      : p50 %.2f ms, p99 %.2f ms (%d turns, time less the target's %d ms)%n",
                millis(answerOverhead, 0.50),
                millis(answerOverhead, 0.99),
                answerOverhead.length,
                TARGET_MILLIS);
        if (STREAM) {
            long[] firstDelta = java.util.Arrays.stream(turns.sorted(turns.firstDeltaNanos))
                    .map(n -> n - targetNanos)
                    .toArray();
            System.out.printf(
                    Locale.ROOT,
                    "answer's first delta after the target's: p50 %.2f ms, p99 %.2f ms (%d turns, time to the first content"
                            + " delta less the target's %d ms before its first byte)%n",
                    millis(firstDelta, 0.50),
                    millis(firstDelta, 0.99),
                    firstDelta.length,
                    TARGET_MILLIS);
        }
        BenchmarkFigures.of("OpenAI-compatible endpoint" + (STREAM ? ", streamed" : ""))
                .figure(
                        "gateway overhead per turn p50",
                        millis(all, 0.50),
                        "ms",
                        CONVERSATIONS + " concurrent conversations")
                .figure(
                        "gateway overhead per turn p99",
                        millis(all, 0.99),
                        "ms",
                        CONVERSATIONS + " concurrent conversations")
                .figure(
                        "answer-turn overhead p99",
                        millis(answerOverhead, 0.99),
                        "ms",
                        "over the target's " + TARGET_MILLIS + " ms");

        assertThat(answered.get()).as("every conversation got its answer").isEqualTo(CONVERSATIONS * ROUNDS);
    }

    /** Turn times, by kind. */
    static final class Turns {
        final ConcurrentLinkedQueue<Long> questionNanos = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Long> answerNanos = new ConcurrentLinkedQueue<>();
        /** Streamed answer turns: from the request to the first content delta. */
        final ConcurrentLinkedQueue<Long> firstDeltaNanos = new ConcurrentLinkedQueue<>();

        long[] sorted(ConcurrentLinkedQueue<Long> nanos) {
            return nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        }
    }

    /** One conversation to its answer, as an SDK client sends it: the whole history each turn. */
    private boolean converse(HttpClient http, Scenario scenario, String conversation, Turns turns) throws Exception {
        ArrayNode messages = JSON.createArrayNode();
        String query = QUERIES.equals("unique") ? scenario.query() + " (" + conversation + ")" : scenario.query();
        messages.addObject().put("role", "user").put("content", query);
        for (int turn = 0; turn < 10; turn++) {
            ObjectNode body = JSON.createObjectNode().put("model", MODEL);
            body.set("messages", messages);
            if (STREAM) {
                body.put("stream", true).putObject("stream_options").put("include_usage", true);
            }
            long sent = System.nanoTime();
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .header("Authorization", "Bearer test-agent-key")
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build();
            Reply reply = STREAM ? streamed(http, request, sent) : complete(http, request);
            long took = System.nanoTime() - sent;
            if (reply == null) {
                return false;
            }
            JsonNode penguin = reply.penguin();
            String content = reply.content();
            if (STREAM && !penguin.path("kind").asText().equals("question")) {
                turns.firstDeltaNanos.add(reply.firstDeltaNanos());
            }
            if (!penguin.path("kind").asText().equals("question")) {
                turns.answerNanos.add(took);
                return !penguin.path("fallback").asBoolean(false);
            }
            turns.questionNanos.add(took);
            messages.addObject().put("role", "assistant").put("content", content);
            String value = scenario.profile()
                    .get(io.penguin.core.Attribute.fromLabel(
                            penguin.path("attribute").asText()));
            messages.addObject().put("role", "user").put("content", value == null ? "I don't know" : value);
        }
        return false;
    }

    /** A turn as the client read it: the assistant's text, the {@code penguin} object, when the first delta came. */
    record Reply(String content, JsonNode penguin, long firstDeltaNanos) {}

    private static Reply complete(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return null;
        }
        JsonNode completion = JSON.readTree(response.body());
        return new Reply(
                completion
                        .path("choices")
                        .get(0)
                        .path("message")
                        .path("content")
                        .asText(),
                completion.path("penguin"),
                -1);
    }

    /** Reads the event stream to {@code [DONE]}: the deltas joined, the finishing chunk's {@code penguin} object. */
    private static Reply streamed(HttpClient http, HttpRequest request, long sent) throws Exception {
        HttpResponse<java.util.stream.Stream<String>> response =
                http.send(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            return null;
        }
        StringBuilder content = new StringBuilder();
        JsonNode[] penguin = {null};
        long[] firstDelta = {-1};
        String last = ChunkEvents.read(response.body().iterator(), chunk -> {
            String piece = ChunkEvents.content(chunk);
            if (!piece.isEmpty() && firstDelta[0] < 0) {
                firstDelta[0] = System.nanoTime() - sent;
            }
            content.append(piece);
            if (chunk.has("penguin")) {
                penguin[0] = chunk.path("penguin");
            }
        });
        return ChunkEvents.DONE.equals(last) && penguin[0] != null
                ? new Reply(content.toString(), penguin[0], firstDelta[0])
                : null;
    }

    /** The 1, 5 and 15-minute load averages: the machine is shared, and the figures depend on its load. */
    private static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static double millis(long[] sortedNanos, double quantile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(quantile * sortedNanos.length) - 1;
        return Math.round(sortedNanos[Math.max(0, index)] / 1e4) / 100.0;
    }
}
