package io.penguin.fakellm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * An OpenAI-compatible chat completions server on loopback, for tests and load tests; a request with
 * {@code "stream": true} is answered with server-sent events in OpenAI's chunk format. Each request takes the next
 * scripted reply if there is one, else draws from the configured error mix, else answers with the responder's
 * content (an echo by default, every platform role with {@link RoleAwareResponder}); every reply waits the drawn
 * latency first. It counts requests, outcomes and the highest number of
 * requests it held at once, and keeps the request bodies and {@code Authorization} headers it saw.
 *
 * <p>Built on the JDK's HTTP server: no dependency, one thread per held request (a cached pool), so the concurrency
 * it reports is what the client really achieved.
 */
public final class FakeLlmServer implements AutoCloseable {

    static {
        // The JDK HTTP server leaves Nagle's algorithm on by default: a response written as headers then body waits
        // for the client's delayed ACK (~40 ms) under concurrency, which measured the fake, not the client (81% of
        // the concurrency ceiling instead of 97.6%). Read once, when the first server is created in this JVM.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final Settings settings;
    private final Random random;
    private final ConcurrentLinkedQueue<FakeReply> script = new ConcurrentLinkedQueue<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong heldNanos = new AtomicLong();
    private final AtomicLong lastLeaveNanos = new AtomicLong(Long.MIN_VALUE);
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    private final List<JsonNode> bodies = Collections.synchronizedList(new ArrayList<>());
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> arrivalNanos = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong streamsFinished = new AtomicLong();
    private volatile java.util.concurrent.CountDownLatch streamGate;
    private final AtomicLong gateTimeouts = new AtomicLong();
    private volatile Function<JsonNode, String> responder;

    /** Deltas a streamed reply's content is cut into. */
    static final int STREAM_PIECES = 4;

    private FakeLlmServer(Settings settings) throws IOException {
        this.settings = settings;
        this.random = new Random(settings.seed);
        this.responder = settings.responder;
        this.streamGate = settings.streamGate;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-llm");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/v1/chat/completions", this::handle);
        server.createContext("/v1/models", exchange -> respond(exchange, 200, "{\"object\":\"list\",\"data\":[]}"));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts a server with the defaults: no latency, no errors, an echo of the last user message. */
    public static FakeLlmServer start() {
        return builder().start();
    }

    /** Starts a server whose replies play every role of the platform ({@link RoleAwareResponder}). */
    public static FakeLlmServer roleAware() {
        return builder().responder(new RoleAwareResponder()).start();
    }

    /** The base URL an OpenAI client takes, ending in {@code /v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Replies to use, in order, before the error mix and the responder are consulted again. */
    public FakeLlmServer enqueue(FakeReply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** Replaces the content of successful replies. */
    public FakeLlmServer respondWith(Function<JsonNode, String> responder) {
        this.responder = Objects.requireNonNull(responder);
        return this;
    }

    public long requests() {
        return requests.get();
    }

    /** The most requests held at the same moment since the start or the last {@link #resetCounts()}. */
    public int maxConcurrency() {
        return maxInFlight.get();
    }

    /**
     * The mean number of requests held between the first request's arrival and the last one's answer, since the start
     * or the last {@link #resetCounts()}: the time every request was held, summed, over that span. A client that keeps
     * its C slots full reads close to C; 0 before any request was answered.
     */
    public double meanConcurrency() {
        List<Long> arrivals = arrivalNanos();
        if (arrivals.isEmpty()) {
            return 0;
        }
        long span = lastLeaveNanos.get() - Collections.min(arrivals);
        return span <= 0 ? 0 : (double) heldNanos.get() / span;
    }

    /** From now on, streamed replies hold their last delta until {@code gate} opens (see {@link Builder#streamGate}). */
    public FakeLlmServer holdStreamsUntil(java.util.concurrent.CountDownLatch gate) {
        this.streamGate = Objects.requireNonNull(gate);
        return this;
    }

    /** Streamed replies written to their {@code [DONE]}. */
    public long streamsFinished() {
        return streamsFinished.get();
    }

    /** Streamed replies whose last delta waited for the {@link Builder#streamGate gate} in vain (30 s). */
    public long gateTimeouts() {
        return gateTimeouts.get();
    }

    /** How many replies of a kind were sent ({@code ok}, {@code 429}, {@code 500}, {@code malformed}, {@code hang}). */
    public long count(String outcome) {
        AtomicLong count = outcomes.get(outcome);
        return count == null ? 0 : count.get();
    }

    public List<JsonNode> bodies() {
        synchronized (bodies) {
            return List.copyOf(bodies);
        }
    }

    public List<String> authorizations() {
        synchronized (authorizations) {
            return List.copyOf(authorizations);
        }
    }

    /** When each request arrived ({@link System#nanoTime()}), in arrival order. */
    public List<Long> arrivalNanos() {
        synchronized (arrivalNanos) {
            return List.copyOf(arrivalNanos);
        }
    }

    public void resetCounts() {
        requests.set(0);
        maxInFlight.set(inFlight.get());
        heldNanos.set(0);
        lastLeaveNanos.set(Long.MIN_VALUE);
        outcomes.clear();
        bodies.clear();
        authorizations.clear();
        arrivalNanos.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        long arrived = System.nanoTime();
        // A request stops counting as in flight once its answer is decided, before the answer is written: the
        // client may release its slot and send the next request as soon as it has read the answer.
        java.util.concurrent.atomic.AtomicBoolean left = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable leave = () -> {
            if (left.compareAndSet(false, true)) {
                inFlight.decrementAndGet();
                long answered = System.nanoTime();
                heldNanos.addAndGet(answered - arrived);
                lastLeaveNanos.accumulateAndGet(answered, Math::max);
            }
        };
        try {
            arrivalNanos.add(arrived);
            requests.incrementAndGet();
            JsonNode body;
            try (InputStream in = exchange.getRequestBody()) {
                body = JSON.readTree(in);
            }
            bodies.add(body);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) {
                authorizations.add(authorization);
            }
            FakeReply reply = next();
            pause(latency());
            switch (reply.kind()) {
                case OK -> {
                    tally("ok");
                    String content = reply.content() != null ? reply.content() : content(body);
                    if (streamed(body)) {
                        stream(exchange, body, content, leave);
                    } else {
                        leave.run();
                        respond(exchange, 200, completion(body, content));
                    }
                }
                case STATUS -> {
                    tally(String.valueOf(reply.status()));
                    if (reply.retryAfter() != null) {
                        exchange.getResponseHeaders()
                                .add(
                                        "Retry-After",
                                        String.valueOf(reply.retryAfter().toSeconds()));
                    }
                    // like some real endpoints, a 401 echoes the key it got: clients must not log error bodies raw
                    String message = reply.status() == 401
                            ? "Incorrect API key provided: "
                                    + String.valueOf(authorization).replace("Bearer ", "")
                            : "fake " + reply.status();
                    leave.run();
                    respond(
                            exchange,
                            reply.status(),
                            JSON.writeValueAsString(JSON.createObjectNode()
                                    .set("error", JSON.createObjectNode().put("message", message))));
                }
                case MALFORMED -> {
                    tally("malformed");
                    leave.run();
                    if (streamed(body)) {
                        respondEvents(exchange, List.of("{\"choices\": [ this is not json"));
                    } else {
                        respond(exchange, 200, "{\"choices\": [ this is not json");
                    }
                }
                case HANG -> {
                    // a slow first byte: held, then answered as asked (streamed too)
                    tally("hang");
                    pause(reply.hang());
                    if (streamed(body)) {
                        stream(exchange, body, content(body), leave);
                    } else {
                        leave.run();
                        respond(exchange, 200, completion(body, content(body)));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client gave up (timeout) or sent garbage: nothing to answer
            exchange.close();
        } finally {
            leave.run();
        }
    }

    private void tally(String outcome) {
        outcomes.computeIfAbsent(outcome, key -> new AtomicLong()).incrementAndGet();
    }

    private FakeReply next() {
        FakeReply scripted = script.poll();
        if (scripted != null) {
            return scripted;
        }
        double draw;
        synchronized (random) {
            draw = random.nextDouble();
        }
        if ((draw -= settings.rateLimited) < 0) {
            return FakeReply.rateLimited(settings.retryAfter);
        }
        if ((draw -= settings.serverErrors) < 0) {
            return FakeReply.status(500);
        }
        if ((draw -= settings.hangs) < 0) {
            return FakeReply.hang(settings.hangFor);
        }
        if ((draw - settings.malformed) < 0) {
            return FakeReply.malformed();
        }
        return FakeReply.ok(null);
    }

    private Duration latency() {
        if (settings.maxLatency.equals(settings.minLatency)) {
            return settings.minLatency;
        }
        long spread = settings.maxLatency.toNanos() - settings.minLatency.toNanos();
        double draw;
        synchronized (random) {
            draw = random.nextDouble();
        }
        return settings.minLatency.plusNanos((long) (draw * spread));
    }

    private String content(JsonNode body) {
        return responder.apply(body);
    }

    private static String completion(JsonNode request, String content) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-fake");
        root.put("object", "chat.completion");
        root.put("created", System.currentTimeMillis() / 1000);
        root.put("model", request.path("model").asText("fake"));
        ArrayNode choices = root.putArray("choices");
        ObjectNode choice = choices.addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", content);
        choice.put("finish_reason", "stop");
        int prompt = words(request.path("messages").toString());
        int completion = words(content);
        ObjectNode usage = root.putObject("usage");
        usage.put("prompt_tokens", prompt);
        usage.put("completion_tokens", completion);
        usage.put("total_tokens", prompt + completion);
        return JSON.writeValueAsString(root);
    }

    /** Whether the request asked for server-sent events ({@code "stream": true}). */
    private static boolean streamed(JsonNode request) {
        return request.path("stream").asBoolean(false);
    }

    /**
     * A streamed completion in OpenAI's chunk format: a chunk with the role, the content in {@link #STREAM_PIECES}
     * deltas (fewer for a shorter text), the finishing chunk, the usage chunk when the request asked for
     * {@code stream_options.include_usage}, then {@code [DONE]}. Every chunk is flushed as it is written; with a
     * {@link Builder#streamGate gate}, the last delta waits for it, so a test can see the first delta arrive before
     * the stream is over.
     */
    private void stream(HttpExchange exchange, JsonNode request, String content, Runnable leave) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        List<String> pieces = pieces(content, STREAM_PIECES);
        try (OutputStream out = exchange.getResponseBody()) {
            event(
                    out,
                    chunk(
                            request,
                            JSON.createObjectNode().put("role", "assistant").put("content", ""),
                            null));
            for (int i = 0; i < pieces.size(); i++) {
                java.util.concurrent.CountDownLatch gate = streamGate;
                if (i == pieces.size() - 1 && i > 0 && gate != null) {
                    awaitGate(gate);
                }
                event(out, chunk(request, JSON.createObjectNode().put("content", pieces.get(i)), null));
            }
            leave.run();
            event(out, chunk(request, JSON.createObjectNode(), "stop"));
            if (request.path("stream_options").path("include_usage").asBoolean(false)) {
                ObjectNode usage = chunkBase(request);
                usage.putArray("choices");
                int prompt = words(request.path("messages").toString());
                int completion = words(content);
                usage.putObject("usage")
                        .put("prompt_tokens", prompt)
                        .put("completion_tokens", completion)
                        .put("total_tokens", prompt + completion);
                event(out, JSON.writeValueAsString(usage));
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        streamsFinished.incrementAndGet();
    }

    private void awaitGate(java.util.concurrent.CountDownLatch gate) {
        try {
            if (!gate.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                gateTimeouts.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The text in at most {@code count} pieces of about equal length, cut after a space where there is one. */
    static List<String> pieces(String text, int count) {
        List<String> pieces = new ArrayList<>();
        int size = Math.max(1, (text.length() + count - 1) / count);
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + size);
            int space = text.lastIndexOf(' ', end - 1);
            if (end < text.length() && space >= start + size / 2) {
                end = space + 1;
            }
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end++;
            }
            pieces.add(text.substring(start, end));
            start = end;
        }
        return pieces;
    }

    private static ObjectNode chunkBase(JsonNode request) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-fake");
        root.put("object", "chat.completion.chunk");
        root.put("created", System.currentTimeMillis() / 1000);
        root.put("model", request.path("model").asText("fake"));
        return root;
    }

    private static String chunk(JsonNode request, ObjectNode delta, String finishReason) throws IOException {
        ObjectNode root = chunkBase(request);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return JSON.writeValueAsString(root);
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void respondEvents(HttpExchange exchange, List<String> events) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (String data : events) {
                event(out, data);
            }
        }
    }

    private static int words(String text) {
        return text.isBlank() ? 0 : text.trim().split("\\s+").length;
    }

    /** The default content: an echo of the last user message. */
    static String echo(JsonNode body) {
        JsonNode messages = body.path("messages");
        String last = "";
        for (JsonNode message : messages) {
            if ("user".equals(message.path("role").asText())) {
                last = message.path("content").asText();
            }
        }
        return "fake reply to: " + last;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Settings {
        Duration minLatency = Duration.ZERO;
        Duration maxLatency = Duration.ZERO;
        double rateLimited;
        Duration retryAfter = Duration.ofSeconds(1);
        double serverErrors;
        double hangs;
        Duration hangFor = Duration.ofSeconds(30);
        double malformed;
        long seed = 42;
        Function<JsonNode, String> responder = FakeLlmServer::echo;
        java.util.concurrent.CountDownLatch streamGate;
    }

    /** Latency, error mix and content of a fake server. */
    public static final class Builder {

        private final Settings settings = new Settings();

        private Builder() {}

        /** Every reply waits exactly this long. */
        public Builder latency(Duration latency) {
            return latency(latency, latency);
        }

        /** Every reply waits a time drawn uniformly from [min, max]. */
        public Builder latency(Duration min, Duration max) {
            if (max.compareTo(min) < 0) {
                throw new IllegalArgumentException("latency: max " + max + " is below min " + min);
            }
            settings.minLatency = min;
            settings.maxLatency = max;
            return this;
        }

        /** This share of requests gets 429 with {@code Retry-After: retryAfter} (whole seconds). */
        public Builder rateLimited(double share, Duration retryAfter) {
            settings.rateLimited = share(share, "rateLimited");
            settings.retryAfter = retryAfter;
            return this;
        }

        /** This share of requests gets 500. */
        public Builder serverErrors(double share) {
            settings.serverErrors = share(share, "serverErrors");
            return this;
        }

        /** This share of requests is held for {@code hangFor} before an answer, to trip client timeouts. */
        public Builder hangs(double share, Duration hangFor) {
            settings.hangs = share(share, "hangs");
            settings.hangFor = hangFor;
            return this;
        }

        /** This share of requests gets a 200 whose body is not JSON. */
        public Builder malformed(double share) {
            settings.malformed = share(share, "malformed");
            return this;
        }

        /** Seed of the draws of latency and errors, for repeatable runs. */
        public Builder seed(long seed) {
            settings.seed = seed;
            return this;
        }

        /**
         * A streamed reply holds its last delta until {@code gate} is open (at most 30 s, counted in
         * {@link FakeLlmServer#gateTimeouts()}): a client that shows the first delta before the gate opens got it
         * before the stream's end.
         */
        public Builder streamGate(java.util.concurrent.CountDownLatch gate) {
            settings.streamGate = Objects.requireNonNull(gate);
            return this;
        }

        /** The content of successful replies, computed from the request body. */
        public Builder responder(Function<JsonNode, String> responder) {
            settings.responder = Objects.requireNonNull(responder);
            return this;
        }

        public FakeLlmServer start() {
            double total = settings.rateLimited + settings.serverErrors + settings.hangs + settings.malformed;
            if (total > 1.0) {
                throw new IllegalArgumentException("error mix: shares add up to " + total + ", more than 1");
            }
            try {
                FakeLlmServer fake = new FakeLlmServer(settings);
                fake.server.start();
                return fake;
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the fake LLM server: " + e.getMessage(), e);
            }
        }

        private static double share(double share, String what) {
            if (share < 0 || share > 1) {
                throw new IllegalArgumentException(what + ": share " + share + " is not between 0 and 1");
            }
            return share;
        }
    }
}
