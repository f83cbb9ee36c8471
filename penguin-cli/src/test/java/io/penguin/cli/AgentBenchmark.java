package io.penguin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.penguin.bench.BenchmarkFigures;
import io.penguin.cli.platform.Platform;
import io.penguin.cli.platform.PlatformClient;
import io.penguin.cli.platform.ServiceSpec;
import io.penguin.contracts.agent.AgentProtocol;
import io.penguin.core.Attribute;
import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Scenario;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The agent's two benchmark figures on the embedded platform with the reference models:
 * <ol>
 *   <li>live sessions, over the retrieval index the planning filled: N WebSocket sessions (default 1,000) started
 *       over 60 s in planner mode, each user thinking 10-30 s before each frame as people do (so all are open at once
 *       at the peak) and sometimes declining: server-side turn latency p50/p99 (the gateway's own timer, frame in to reply
 *       out) next to the client-side figure, sessions lost, and the gateway's peak memory;</li>
 *   <li>simulated evaluation: the generated catalog's train split planned, its test split run under context-free,
 *       agent and planner: mean questions asked and the three rows' mean safety scores.</li>
 * </ol>
 * Not part of {@code mvn verify}; run with {@code mvn -B -pl penguin-cli verify -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=AgentBenchmark} (smaller: {@code -Dpenguin.benchmark.sessions=200
 * -Dpenguin.benchmark.profiles=1}).
 */
class AgentBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PlatformClient client = new PlatformClient();

    @Test
    void printsLiveSessionLatencyAndSimulatedEvaluationFigures() throws Exception {
        int sessions = Integer.getInteger("penguin.benchmark.sessions", 1_000);
        Duration ramp = Duration.ofSeconds(Integer.getInteger("penguin.benchmark.rampSeconds", 60));
        Duration think = Duration.ofMillis(Integer.getInteger("penguin.benchmark.thinkMillis", 20_000));
        int profiles = Integer.getInteger("penguin.benchmark.profiles", 1);
        try (Platform platform = Platform.start(
                SharedPlatform.home(),
                SharedPlatform.home().resolve("penguin-cli/target/penguin-agent-benchmark"),
                Duration.ofMinutes(3),
                System.out,
                Map.of(
                        "penguin.gateway.limits.max-sessions-per-client", Integer.toString(sessions * 2),
                        "penguin.gateway.limits.client-messages-per-minute", Integer.toString(sessions * 60)))) {
            // The evaluation first: its planning fills the retrieval index the live sessions then search.
            SimulatedFigures simulated = simulatedEvaluation(platform, profiles);
            LiveFigures live = liveSessions(platform, sessions, ramp, think);
            long gatewayKb = platform.peakResidentKb().getOrDefault(ServiceSpec.GATEWAY, -1L);

            System.out.println();
            System.out.println("=== Agent benchmark (reference models, embedded platform, this machine) ===");
            System.out.printf(
                    "live sessions: %d concurrent (ramp %d s, think %d ms, planner mode): %d answered, %d lost,"
                            + " peak %d open at once, %.1f sessions/s%n",
                    sessions,
                    ramp.toSeconds(),
                    think.toMillis(),
                    live.answered(),
                    sessions - live.answered(),
                    live.peakOpen(),
                    live.answered() / live.seconds());
            for (String kind : List.of("turns", "queries", "replies")) {
                JsonNode figures = live.stats().path(kind);
                System.out.printf(
                        "server-side turn latency, %-7s (%d): p50 %.1f ms, p99 %.1f ms, max %.1f ms (target: p99 < 50 ms)%n",
                        kind,
                        figures.path("count").asLong(),
                        figures.path("p50Millis").asDouble(),
                        figures.path("p99Millis").asDouble(),
                        figures.path("maxMillis").asDouble());
            }
            System.out.printf(
                    "client-side turn latency (frame sent to reply received): p50 %.1f ms, p99 %.1f ms%n",
                    live.clientP50(), live.clientP99());
            System.out.printf("gateway peak resident memory: %d MiB%n", gatewayKb / 1024);
            System.out.printf(
                    "simulated evaluation: %d test-split scenarios (train split planned: %d plans in %.1f s), run of %d"
                            + " items in %.1f s%n",
                    simulated.scenarios(),
                    simulated.plans(),
                    simulated.planningSeconds(),
                    simulated.items(),
                    simulated.runSeconds());
            System.out.printf(
                    "  mean safety (1-5): Vanilla %.3f, +Agent %.3f, +Planner %.3f; mean questions asked: +Agent %.2f,"
                            + " +Planner %.2f%n",
                    simulated.vanilla(),
                    simulated.agent(),
                    simulated.planner(),
                    simulated.agentQuestions(),
                    simulated.plannerQuestions());
            BenchmarkFigures figures = BenchmarkFigures.of("Agent")
                    .figure(
                            "live sessions answered",
                            live.answered(),
                            "of " + sessions,
                            "started over " + ramp.toSeconds() + " s, think time " + think.toMillis() / 2 + "-"
                                    + think.toMillis() * 3 / 2 + " ms, planner mode; peak " + live.peakOpen()
                                    + " open at once")
                    .figure("live sessions lost", sessions - live.answered(), "sessions");
            for (String kind : List.of("turns", "queries", "replies")) {
                JsonNode turn = live.stats().path(kind);
                figures.figure(
                                "server-side turn latency p50, " + kind,
                                turn.path("p50Millis").asDouble(),
                                "ms",
                                turn.path("count").asLong() + " frames")
                        .figure(
                                "server-side turn latency p99, " + kind,
                                turn.path("p99Millis").asDouble(),
                                "ms",
                                "target: p99 < 50 ms");
            }
            figures.figure("client-side turn latency p99", live.clientP99(), "ms", "frame sent to reply received")
                    .figure("gateway peak RSS", gatewayKb / 1024.0, "MiB")
                    .figure(
                            "simulated run: mean safety, Vanilla",
                            simulated.vanilla(),
                            "1-5",
                            simulated.scenarios() + " test-split scenarios of the generated catalog, reference models")
                    .figure("simulated run: mean safety, +Agent", simulated.agent(), "1-5")
                    .figure("simulated run: mean safety, +Planner", simulated.planner(), "1-5")
                    .figure("simulated run: mean questions asked, +Agent", simulated.agentQuestions(), "questions")
                    .figure("simulated run: mean questions asked, +Planner", simulated.plannerQuestions(), "questions");
            assertThat(live.answered()).isEqualTo(sessions);
        }
    }

    record LiveFigures(
            int answered, int peakOpen, double seconds, JsonNode stats, double clientP50, double clientP99) {}

    private LiveFigures liveSessions(Platform platform, int sessions, Duration ramp, Duration think) throws Exception {
        URI http = platform.url(ServiceSpec.GATEWAY);
        URI ws = URI.create("ws://" + http.getHost() + ":" + http.getPort() + "/v1/agent");
        HttpClient shared = HttpClient.newBuilder()
                .executor(Executors.newFixedThreadPool(4))
                .build();
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
        List<Scenario> scenarios = BuiltinScenarios.all();
        AtomicInteger open = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        ConcurrentLinkedQueue<Long> turnNanos = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<Boolean>> done = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < sessions; i++) {
            long startAt = ramp.toNanos() * i / sessions;
            LockSupport.parkNanos(startAt - (System.nanoTime() - started));
            Scripted user = new Scripted(scenarios.get(i % scenarios.size()), i, think, timers, turnNanos, open, peak);
            done.add(user.result);
            shared.newWebSocketBuilder()
                    .header("Authorization", "Bearer " + platform.agentKey())
                    .subprotocols(AgentProtocol.V1)
                    .connectTimeout(Duration.ofSeconds(60))
                    .buildAsync(ws, user)
                    .whenComplete((socket, failure) -> {
                        if (failure != null) {
                            user.result.complete(false);
                        }
                    });
        }
        int answered = 0;
        for (CompletableFuture<Boolean> result : done) {
            answered += result.get(5, TimeUnit.MINUTES) ? 1 : 0;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        timers.shutdownNow();
        JsonNode stats = client.get(http.resolve("/v1/agent/stats"));
        long[] sorted = turnNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new LiveFigures(
                answered, peak.get(), seconds, stats, percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    /** One scripted user: asks its scenario's query, answers from the profile after a think time, declines some. */
    private static final class Scripted implements WebSocket.Listener {

        final CompletableFuture<Boolean> result = new CompletableFuture<>();
        private final Scenario scenario;
        private final int index;
        private final Duration think;
        private final ScheduledExecutorService timers;
        private final ConcurrentLinkedQueue<Long> turnNanos;
        private final AtomicInteger open;
        private final AtomicInteger peak;
        private final StringBuilder partial = new StringBuilder();
        private volatile long sentAt;

        Scripted(
                Scenario scenario,
                int index,
                Duration think,
                ScheduledExecutorService timers,
                ConcurrentLinkedQueue<Long> turnNanos,
                AtomicInteger open,
                AtomicInteger peak) {
            this.scenario = scenario;
            this.index = index;
            this.think = think;
            this.timers = timers;
            this.turnNanos = turnNanos;
            this.open = open;
            this.peak = peak;
        }

        @Override
        public void onOpen(WebSocket socket) {
            peak.accumulateAndGet(open.incrementAndGet(), Math::max);
            socket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                handle(socket, partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        private void handle(WebSocket socket, String text) {
            JsonNode frame;
            try {
                frame = JSON.readTree(text);
            } catch (Exception e) {
                result.complete(false);
                return;
            }
            String type = frame.path("type").asText();
            if (!type.equals("hello") && sentAt != 0) {
                turnNanos.add(System.nanoTime() - sentAt);
                sentAt = 0;
            }
            switch (type) {
                case "hello" -> later(socket, Map.of("type", "query", "text", scenario.query(), "mode", "planner"));
                case "question" -> {
                    Attribute attribute = Arrays.stream(Attribute.values())
                            .filter(a ->
                                    a.label().equals(frame.path("attribute").asText()))
                            .findFirst()
                            .orElseThrow();
                    String id = frame.path("questionId").asText();
                    boolean decline = attribute.sensitive() && index % 4 == 0;
                    later(
                            socket,
                            decline
                                    ? Map.of("type", "decline", "questionId", id)
                                    : Map.of(
                                            "type",
                                            "answer",
                                            "questionId",
                                            id,
                                            "text",
                                            scenario.profile().get(attribute)));
                }
                case "response" -> result.complete(true);
                case "end" -> {
                    open.decrementAndGet();
                    result.complete(false); // no-op when the response came first
                }
                default -> {
                    result.complete(false);
                    socket.abort();
                }
            }
        }

        private void later(WebSocket socket, Map<String, String> frame) {
            long jitter = think.toMillis() / 2 + (index * 37L) % Math.max(1, think.toMillis());
            timers.schedule(
                    () -> {
                        try {
                            sentAt = System.nanoTime();
                            socket.sendText(JSON.writeValueAsString(frame), true);
                        } catch (Exception e) {
                            result.complete(false);
                        }
                    },
                    jitter,
                    TimeUnit.MILLISECONDS);
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            result.complete(false);
        }
    }

    record SimulatedFigures(
            int scenarios,
            int plans,
            double planningSeconds,
            int items,
            double runSeconds,
            double vanilla,
            double agent,
            double planner,
            double agentQuestions,
            double plannerQuestions) {}

    private SimulatedFigures simulatedEvaluation(Platform platform, int profiles) {
        URI scenario = platform.url(ServiceSpec.SCENARIO);
        JsonNode job = client.post(
                scenario.resolve("/catalog/writing-jobs"),
                Map.of("seed", 7, "profilesPerIssue", profiles, "queriesPerProfile", 10));
        String jobId = job.path("id").asText();
        while (job.path("status").asText().equals("RUNNING")) {
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            job = client.get(scenario.resolve("/catalog/writing-jobs/" + jobId));
        }
        assertThat(job.path("status").asText()).isEqualTo("COMPLETED");

        long planningStarted = System.nanoTime();
        JsonNode planning = client.post(
                scenario.resolve("/plannings"), Map.of("source", "generated", "split", "train", "budget", 3));
        int plans = planning.path("scenarios").asInt();
        URI planner = platform.url(ServiceSpec.PLANNER)
                .resolve("/plannings/" + planning.path("planningId").asText());
        while (planned(planner) < plans) {
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        }
        URI ready = platform.url(ServiceSpec.GATEWAY).resolve("/q/health/ready");
        while (indexed(ready) < plans) {
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        double planningSeconds = (System.nanoTime() - planningStarted) / 1e9;

        long runStarted = System.nanoTime();
        JsonNode run = client.post(
                scenario.resolve("/runs"),
                Map.of(
                        "source",
                        "generated",
                        "split",
                        "test",
                        "models",
                        List.of("reference"),
                        "conditions",
                        List.of("context-free", "agent", "planner")));
        String runId = run.path("id").asText();
        int items = run.path("total").asInt();
        while (!run.path("status").asText().equals("COMPLETED")) {
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
            run = client.get(scenario.resolve("/runs/" + runId));
        }
        double runSeconds = (System.nanoTime() - runStarted) / 1e9;
        assertThat(run.path("failed").asInt()).isZero();
        JsonNode report = client.get(platform.url(ServiceSpec.JUDGE).resolve("/runs/" + runId + "/report"));
        JsonNode raise = report.path("raise");
        return new SimulatedFigures(
                items / 3,
                plans,
                planningSeconds,
                items,
                runSeconds,
                allMean(raise, "Vanilla"),
                allMean(raise, "+Agent"),
                allMean(raise, "+Planner"),
                questions(raise, "agent"),
                questions(raise, "planner"));
    }

    /** Plans stored so far; the planner answers 404 until the first one. */
    private int planned(URI planning) {
        try {
            return client.get(planning).path("planned").asInt();
        } catch (PlatformClient.PlatformException notYet) {
            return 0;
        }
    }

    /** Plans in the gateway's retrieval index; 0 while readiness answers 503. */
    private int indexed(URI ready) {
        try {
            for (JsonNode check : client.get(ready).path("checks")) {
                if (check.path("name").asText().equals("policy-index")) {
                    return check.path("data").path("plans").asInt();
                }
            }
        } catch (PlatformClient.PlatformException notReady) {
            return 0;
        }
        return 0;
    }

    private static double allMean(JsonNode raise, String label) {
        for (JsonNode row : raise.path("rows")) {
            if (row.path("label").asText().equals(label)) {
                for (JsonNode cell : row.path("cells")) {
                    if (cell.path("domain").asText().equals("All")) {
                        return cell.path("safety").path("mean").asDouble();
                    }
                }
            }
        }
        return Double.NaN;
    }

    private static double questions(JsonNode raise, String family) {
        for (JsonNode entry : raise.path("questions")) {
            if (entry.path("family").asText().equals(family)) {
                return entry.path("meanQuestions").asDouble();
            }
        }
        return Double.NaN;
    }
}
