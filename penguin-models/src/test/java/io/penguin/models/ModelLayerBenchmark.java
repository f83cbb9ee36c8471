package io.penguin.models;

import io.penguin.bench.BenchmarkFigures;
import io.penguin.fakellm.FakeLlmServer;
import io.penguin.models.cache.CallCache;
import io.penguin.models.endpoint.EndpointObserver;
import io.penguin.models.endpoint.EndpointSettings;
import io.penguin.models.llm.CallAccounting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Throughput of the model layer against a fake endpoint with 200 ms latency and a concurrency limit of 64: the
 * ceiling is 64 / 0.2 s = 320 calls/s. Also the same workload one call at a time, the reference code's shape. Not
 * part of {@code mvn verify} (the name matches no Surefire pattern); run it with
 *
 * <pre>mvn -B -ntp -pl penguin-models -am test -Dtest=ModelLayerBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * It prints its figures and asserts nothing about speed.
 */
class ModelLayerBenchmark {

    private static final Duration LATENCY = Duration.ofMillis(200);
    private static final int CONCURRENCY = 64;
    private static final int CALLS = Integer.getInteger("benchmark.calls", 1920);
    private static final int SEQUENTIAL_CALLS = Integer.getInteger("benchmark.sequential-calls", 25);

    @Test
    void callsPerSecondAgainstTheConcurrencyCeiling() throws Exception {
        try (FakeLlmServer fake = FakeLlmServer.builder().latency(LATENCY).start()) {
            EndpointSettings settings = EndpointSettings.builder("bench", fake.baseUrl(), "bench-model")
                    .concurrency(CONCURRENCY)
                    .timeout(Duration.ofSeconds(10))
                    .build();
            ModelRegistry registry = ModelRegistry.withEndpoints(
                    List.of(settings), CallCache.NONE, CallAccounting.NONE, EndpointObserver.NONE, 0);
            TargetModel model = registry.target("bench");
            ExecutorService callers = Executors.newFixedThreadPool(CONCURRENCY * 2);
            try {
                run(model, callers, CONCURRENCY * 10, "warm-up");
                fake.resetCounts();

                long started = System.nanoTime();
                run(model, callers, CALLS, "concurrent");
                double seconds = (System.nanoTime() - started) / 1e9;
                double concurrentRate = CALLS / seconds;
                double ceiling = CONCURRENCY / (LATENCY.toMillis() / 1000.0);
                int peak = fake.maxConcurrency();

                long sequentialStarted = System.nanoTime();
                for (int i = 0; i < SEQUENTIAL_CALLS; i++) {
                    model.answer(new AnswerRequest("sequential question " + i, Map.of()));
                }
                double sequentialSeconds = (System.nanoTime() - sequentialStarted) / 1e9;
                double sequentialRate = SEQUENTIAL_CALLS / sequentialSeconds;

                System.out.println();
                System.out.println("Model layer benchmark: fake endpoint, latency " + LATENCY.toMillis()
                        + " ms, concurrency limit " + CONCURRENCY + ", "
                        + Runtime.getRuntime().availableProcessors()
                        + " cores");
                System.out.printf(
                        Locale.ROOT,
                        "concurrent: %d calls in %.2f s = %.1f calls/s; ceiling %d / %.1f s = %.0f calls/s;"
                                + " achieved %.1f%% (target >= 90%%); peak concurrency seen by the server %d%n",
                        CALLS,
                        seconds,
                        concurrentRate,
                        CONCURRENCY,
                        LATENCY.toMillis() / 1000.0,
                        ceiling,
                        100 * concurrentRate / ceiling,
                        peak);
                System.out.printf(
                        Locale.ROOT,
                        "sequential (one call at a time, the reference code's shape): %d calls in %.2f s = %.2f"
                                + " calls/s%n",
                        SEQUENTIAL_CALLS,
                        sequentialSeconds,
                        sequentialRate);
                System.out.printf(Locale.ROOT, "concurrent / sequential = %.1fx%n%n", concurrentRate / sequentialRate);
                String setting = "fake endpoint, " + LATENCY.toMillis() + " ms latency, concurrency limit "
                        + CONCURRENCY + ", " + CALLS + " calls";
                BenchmarkFigures.of("Model layer")
                        .figure("concurrent calls per second", concurrentRate, "calls/s", setting)
                        .figure(
                                "share of the concurrency ceiling",
                                100 * concurrentRate / ceiling,
                                "%",
                                "ceiling " + Math.round(ceiling) + " calls/s; target >= 90%")
                        .figure("peak concurrency seen by the server", peak, "requests")
                        .figure(
                                "sequential calls per second",
                                sequentialRate,
                                "calls/s",
                                SEQUENTIAL_CALLS + " calls one at a time, the reference code's shape")
                        .figure(
                                "concurrent / sequential",
                                concurrentRate / sequentialRate,
                                "x",
                                "measured side by side in the same run");
            } finally {
                callers.shutdownNow();
            }
        }
    }

    private static void run(TargetModel model, ExecutorService callers, int calls, String label) throws Exception {
        List<Future<ModelReply>> replies = new ArrayList<>(calls);
        for (int i = 0; i < calls; i++) {
            String query = label + " question " + i;
            replies.add(callers.submit(() -> model.answer(new AnswerRequest(query, Map.of()))));
        }
        for (Future<ModelReply> reply : replies) {
            reply.get();
        }
    }
}
