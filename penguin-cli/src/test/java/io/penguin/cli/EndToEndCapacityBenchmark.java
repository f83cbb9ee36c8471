package io.penguin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.penguin.bench.BenchmarkFigures;
import io.penguin.cli.load.FakeLlmOptions;
import io.penguin.cli.platform.Platform;
import io.penguin.cli.platform.PlatformClient;
import io.penguin.cli.platform.ServiceSpec;
import io.penguin.fakellm.FakeLlmServer;
import io.penguin.fakellm.RoleAwareResponder;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * How busy the model endpoints are kept end to end: the target and the judge each on a fake slow endpoint (latency
 * uniform 200-800 ms, 2% 429 with Retry-After 1 s, concurrency limit 64 each), N work items (default 10,000:
 * {@code -Dpenguin.benchmark.items}) through the broker, generation-service and judge-service. The ceiling is
 * min(C/L) = 64 / 0.5 s = 128 judged/s; the target is at least 90% of it. Prints judged/s (whole run, and between
 * 10% and 90% judged), the peak items in flight and the peak heap of generation- and judge-service (sampled from
 * their metrics), and the peak concurrency each fake saw. Not part of {@code mvn verify}; run it with
 * {@code mvn -B -pl penguin-cli -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=EndToEndCapacityBenchmark}.
 */
class EndToEndCapacityBenchmark {

    private static final String JUDGE = "fake-judge";
    private static final int CONCURRENCY = 64;
    private static final double MEAN_LATENCY_S = 0.5;
    private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)\\{([^}]*)\\} ([0-9.eE+-]+)$");

    private final PlatformClient client = new PlatformClient();

    private static FakeLlmServer slowFake(long seed) {
        return FakeLlmServer.builder()
                .latency(Duration.ofMillis(200), Duration.ofMillis(800))
                .rateLimited(0.02, Duration.ofSeconds(1))
                .responder(new RoleAwareResponder())
                .seed(seed)
                .start();
    }

    @Test
    void printsJudgedPerSecondAgainstTheEndpointCeilingWithPeakInFlightAndHeap() {
        int items = Integer.getInteger("penguin.benchmark.items", 10_000);
        int scenarios = items / 2;
        try (FakeLlmServer target = slowFake(42);
                FakeLlmServer judge = slowFake(43)) {
            Map<String, String> settings = new LinkedHashMap<>(FakeLlmOptions.endpoint(target, CONCURRENCY));
            String judgePrefix = "penguin.models.endpoints." + JUDGE + ".";
            settings.put(judgePrefix + "base-url", judge.baseUrl());
            settings.put(judgePrefix + "model", JUDGE);
            settings.put(judgePrefix + "concurrency", Integer.toString(CONCURRENCY));
            settings.put(judgePrefix + "timeout", "60s");
            settings.put("penguin.models.cache.enabled", "false");
            try (Platform platform = Platform.start(
                    SharedPlatform.home(),
                    SharedPlatform.home().resolve("penguin-cli/target/penguin-capacity"),
                    Duration.ofMinutes(3),
                    System.out,
                    settings)) {
                URI scenario = platform.url(ServiceSpec.SCENARIO);
                // 140 issues x 6 profiles x 6 queries = 5,040 scenarios, of which the run samples N/2
                int perIssue = (int) Math.ceil(Math.sqrt(scenarios / 140.0));
                JsonNode job = client.post(
                        scenario.resolve("/catalog/writing-jobs"),
                        Map.of("seed", 3, "profilesPerIssue", perIssue, "queriesPerProfile", perIssue));
                while (job.path("status").asText().equals("RUNNING")) {
                    LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
                    job = client.get(scenario.resolve(
                            "/catalog/writing-jobs/" + job.path("id").asText()));
                }
                assertThat(job.path("status").asText()).isEqualTo("COMPLETED");

                Sampler sampler = new Sampler(platform);
                sampler.start();
                target.resetCounts();
                judge.resetCounts();
                long started = System.nanoTime();
                JsonNode run = client.post(
                        scenario.resolve("/runs"),
                        Map.of(
                                "source",
                                "generated",
                                "sample",
                                scenarios,
                                "conditions",
                                List.of("context-free", "context-rich"),
                                "models",
                                List.of(FakeLlmOptions.MODEL),
                                "judgeModel",
                                JUDGE));
                String runId = run.path("id").asText();
                long total = run.path("total").asLong();
                double publishedSeconds = (System.nanoTime() - started) / 1e9;
                long first = 0;
                long tenth = 0;
                long ninetieth = 0;
                long lastPrint = 0;
                while (!run.path("status").asText().equals("COMPLETED")) {
                    LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
                    run = client.get(scenario.resolve("/runs/" + runId));
                    long judged = run.path("judged").asLong();
                    long now = System.nanoTime();
                    if (first == 0 && judged > 0) {
                        first = now;
                    }
                    if (tenth == 0 && judged >= total / 10) {
                        tenth = now;
                    }
                    if (ninetieth == 0 && judged >= total * 9 / 10) {
                        ninetieth = now;
                    }
                    if (now - lastPrint > 10e9) {
                        lastPrint = now;
                        System.out.printf(
                                "  %.0f s: judged %d / %d, failed %d; in flight %s%n",
                                (now - started) / 1e9,
                                judged,
                                total,
                                run.path("failed").asLong(),
                                sampler.inFlightNow());
                    }
                    assertThat(now - started).isLessThan(Duration.ofMinutes(20).toNanos());
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                sampler.stop();
                long judged = run.path("judged").asLong();
                double perSecond = judged / seconds;
                double middle = (total * 0.8) / ((ninetieth - tenth) / 1e9);
                double sinceFirst = judged / ((System.nanoTime() - first) / 1e9);
                double ceiling = CONCURRENCY / MEAN_LATENCY_S;

                System.out.println();
                System.out.println("=== End-to-end capacity (fake slow target and judge, embedded platform) ===");
                System.out.printf(
                        "endpoints: target '%s' and judge '%s', latency 200-800 ms, 2%% 429 (Retry-After 1 s),"
                                + " concurrency limit %d each; ceiling min(C/L) = %.0f judged/s%n",
                        FakeLlmOptions.MODEL, JUDGE, CONCURRENCY, ceiling);
                System.out.printf(
                        "run: %d work items, %d judged, %d failed in %.1f s; POST /runs answered after %.1f s%n",
                        total, judged, run.path("failed").asLong(), seconds, publishedSeconds);
                System.out.printf(
                        "judged/s end to end: %.1f (%.0f%% of the ceiling); between 10%% and 90%% judged: %.1f"
                                + " (%.0f%%); target >= 90%%%n",
                        perSecond, 100 * perSecond / ceiling, middle, 100 * middle / ceiling);
                System.out.printf(
                        "judged/s from the first judgement to the last: %.1f (%.0f%%)%n",
                        sinceFirst, 100 * sinceFirst / ceiling);
                System.out.printf(
                        "fake target: %d requests, %d answered 429, peak concurrency %d%n",
                        target.requests(), target.count("429"), target.maxConcurrency());
                System.out.printf(
                        "fake judge:  %d requests, %d answered 429, peak concurrency %d%n",
                        judge.requests(), judge.count("429"), judge.maxConcurrency());
                sampler.peakInFlight.forEach((service, peak) -> System.out.printf(
                        "peak in-flight items %-19s %d (window limit up to %d)%n",
                        service, peak, sampler.peakLimit.getOrDefault(service, 0L)));
                sampler.lowestEndpointLimit.forEach((service, limit) -> System.out.printf(
                        "lowest adaptive limit of its endpoint %-19s %d of %d%n", service, limit, CONCURRENCY));
                sampler.peakHeap.forEach((service, bytes) ->
                        System.out.printf("peak heap %-19s %6.0f MiB%n", service, bytes / 1048576.0));

                String note = total + " work items, target and judge on fake endpoints (200-800 ms, 2% 429,"
                        + " concurrency 64 each); ceiling " + (int) ceiling + "/s";
                BenchmarkFigures figures = BenchmarkFigures.of("End-to-end capacity")
                        .figure("judged per second, whole run", perSecond, "1/s", note)
                        .figure("share of the ceiling, whole run", 100 * perSecond / ceiling, "%", "target >= 90%")
                        .figure("judged per second, 10% to 90% judged", middle, "1/s")
                        .figure("share of the ceiling, 10% to 90% judged", 100 * middle / ceiling, "%")
                        .figure("judged per second, first judgement to last", sinceFirst, "1/s")
                        .figure("POST /runs answered after", publishedSeconds, "s", total + " work items published")
                        .figure("peak concurrency at the fake target", target.maxConcurrency(), "requests")
                        .figure("peak concurrency at the fake judge", judge.maxConcurrency(), "requests");
                sampler.peakInFlight.forEach(
                        (service, peak) -> figures.figure("peak in-flight items " + service, peak, "items"));
                sampler.peakHeap.forEach(
                        (service, bytes) -> figures.figure("peak heap " + service, bytes / 1048576.0, "MiB"));
                assertThat(judged).isEqualTo(total);
            }
        }
    }

    /** Reads the consumers' in-flight gauges and heap from their Prometheus metrics, every 250 ms. */
    private final class Sampler {
        private final Platform platform;
        private final Map<String, Long> peakInFlight = new ConcurrentHashMap<>();
        private final Map<String, Long> peakLimit = new ConcurrentHashMap<>();
        private final Map<String, Long> peakHeap = new ConcurrentHashMap<>();
        private final Map<String, Long> lowestEndpointLimit = new ConcurrentHashMap<>();
        private final Map<String, Long> inFlight = new ConcurrentHashMap<>();
        private volatile boolean running = true;
        private Thread thread;

        Sampler(Platform platform) {
            this.platform = platform;
        }

        void start() {
            thread = new Thread(this::run, "capacity-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            running = false;
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        String inFlightNow() {
            return inFlight.toString();
        }

        private void run() {
            while (running) {
                for (String service : List.of(ServiceSpec.GENERATION, ServiceSpec.JUDGE)) {
                    try {
                        sample(service, client.getText(platform.url(service).resolve("/q/metrics")));
                    } catch (RuntimeException e) {
                        // a sample missed; the next one counts
                    }
                }
                LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
            }
        }

        private void sample(String service, String metrics) {
            long heap = 0;
            for (String line : metrics.split("\n")) {
                Matcher sample = SAMPLE.matcher(line);
                if (!sample.matches()) {
                    continue;
                }
                String name = sample.group(1);
                long value = (long) Double.parseDouble(sample.group(3));
                switch (name) {
                    case "penguin_work_in_flight" -> {
                        inFlight.put(service, value);
                        peakInFlight.merge(service, value, Math::max);
                    }
                    case "penguin_work_in_flight_peak" -> peakInFlight.merge(service, value, Math::max);
                    case "penguin_work_in_flight_limit" -> peakLimit.merge(service, value, Math::max);
                    case "penguin_model_concurrency_limit" -> {
                        String endpoint = service.equals(ServiceSpec.JUDGE) ? JUDGE : FakeLlmOptions.MODEL;
                        if (sample.group(2).contains("model=\"" + endpoint + "\"")) {
                            lowestEndpointLimit.merge(service, value, Math::min);
                        }
                    }
                    case "jvm_memory_used_bytes" -> {
                        if (sample.group(2).contains("area=\"heap\"")) {
                            heap += value;
                        }
                    }
                    default -> {}
                }
            }
            peakHeap.merge(service, heap, Math::max);
        }
    }
}
