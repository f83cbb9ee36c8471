package io.penguin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.penguin.bench.BenchmarkFigures;
import io.penguin.cli.load.FakeLlmOptions;
import io.penguin.cli.platform.Platform;
import io.penguin.cli.platform.PlatformClient;
import io.penguin.cli.platform.ServiceSpec;
import io.penguin.fakellm.FakeLlmServer;
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
 * their metrics), and the peak concurrency each fake saw. A second test does the same with agent items (default 2,000:
 * {@code -Dpenguin.benchmark.agent-items}) against their own ceiling. Not part of {@code mvn verify}; run it with
 * {@code mvn -B -pl penguin-cli -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=EndToEndCapacityBenchmark}.
 */
class EndToEndCapacityBenchmark {

    private static final int CONCURRENCY = 64;
    private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)\\{([^}]*)\\} ([0-9.eE+-]+)$");

    private final PlatformClient client = new PlatformClient();

    @Test
    void printsJudgedPerSecondAgainstTheEndpointCeilingWithPeakInFlightAndHeap() {
        int items = Integer.getInteger("penguin.benchmark.items", 10_000);
        measure(
                "End-to-end capacity",
                items / 2,
                List.of("context-free", "context-rich"),
                Map.of(),
                List.of(ServiceSpec.GENERATION, ServiceSpec.JUDGE));
    }

    /**
     * Agent items: each is a simulated session in agent-gateway whose agent model and simulated user are LLM roles on
     * the target endpoint, so one item makes several sequential calls there (its questions, the user's answers, the
     * final answer) before the judge's one. Their ceiling is the target endpoint's C / (L x calls per item), with the
     * calls per item counted at the fake.
     */
    @Test
    void printsAgentItemsJudgedPerSecondAgainstTheirOwnCeiling() {
        int items = Integer.getInteger("penguin.benchmark.agent-items", 2_000);
        measure(
                "End-to-end capacity, agent items",
                items,
                List.of("agent"),
                Map.of(
                        "penguin.models.roles.agent", FakeLlmOptions.MODEL,
                        "penguin.models.roles.user-simulator", FakeLlmOptions.MODEL),
                List.of(ServiceSpec.GATEWAY, ServiceSpec.JUDGE));
    }

    private void measure(
            String title, int scenarios, List<String> conditions, Map<String, String> roles, List<String> stages) {
        try (FakeLlmServer target = CapacityRuns.slowFake(42);
                FakeLlmServer judge = CapacityRuns.slowFake(43)) {
            Map<String, String> settings = new LinkedHashMap<>(CapacityRuns.endpoints(target, judge, CONCURRENCY));
            settings.putAll(roles);
            try (Platform platform = Platform.start(
                    SharedPlatform.home(),
                    SharedPlatform.home().resolve("penguin-cli/target/penguin-capacity"),
                    Duration.ofMinutes(3),
                    System.out,
                    settings)) {
                URI scenario = platform.url(ServiceSpec.SCENARIO);
                CapacityRuns.writeCatalog(client, scenario, scenarios);

                Sampler sampler = new Sampler(platform, stages);
                sampler.start();
                target.resetCounts();
                judge.resetCounts();
                String loadBefore = CapacityRuns.loadAverage();
                CapacityRuns.FollowedRun run = CapacityRuns.follow(
                        client,
                        scenario,
                        Map.of(
                                "source",
                                "generated",
                                "sample",
                                scenarios,
                                "conditions",
                                conditions,
                                "models",
                                List.of(FakeLlmOptions.MODEL),
                                "judgeModel",
                                CapacityRuns.JUDGE),
                        sampler::inFlightNow);
                sampler.stop();
                String loadAfter = CapacityRuns.loadAverage();
                // calls per item at the target endpoint, the 429s (which hold no slot for a latency) left out
                double targetCalls = (double) (target.requests() - target.count("429")) / run.total();
                double ceiling = Math.min(
                        CONCURRENCY / CapacityRuns.MEAN_LATENCY_S,
                        CONCURRENCY / (CapacityRuns.MEAN_LATENCY_S * targetCalls));

                System.out.println();
                System.out.println("=== " + title + " (fake slow target and judge, embedded platform) ===");
                System.out.printf(
                        "endpoints: target '%s' and judge '%s', latency 200-800 ms, 2%% 429 (Retry-After 1 s),"
                                + " concurrency limit %d each; conditions %s%n",
                        FakeLlmOptions.MODEL, CapacityRuns.JUDGE, CONCURRENCY, conditions);
                System.out.printf(
                        "calls per item at the target: %.2f; ceiling min(C/L, C/(L x calls)) = %.1f judged/s%n",
                        targetCalls, ceiling);
                System.out.printf(
                        "run: %d work items, %d judged, %d failed in %.1f s; POST /runs answered after %.1f s;"
                                + " first judgement after %.1f s%n",
                        run.total(),
                        run.judged(),
                        run.failed(),
                        run.seconds(),
                        run.publishedSeconds(),
                        run.firstAfter());
                System.out.printf(
                        "judged/s end to end: %.1f (%.0f%% of the ceiling); between 10%% and 90%% judged: %.1f"
                                + " (%.0f%%); target >= 90%%%n",
                        run.perSecond(), 100 * run.perSecond() / ceiling, run.middle(), 100 * run.middle() / ceiling);
                System.out.printf(
                        "judged/s from the first judgement to the last: %.1f (%.0f%%)%n",
                        run.sinceFirst(), 100 * run.sinceFirst() / ceiling);
                printFake("fake target:", target);
                printFake("fake judge: ", judge);
                sampler.peakInFlight.forEach((service, peak) -> System.out.printf(
                        "peak in-flight items %-19s %d (window limit up to %d)%n",
                        service, peak, sampler.peakLimit.getOrDefault(service, 0L)));
                sampler.lowestEndpointLimit.forEach((service, limit) -> System.out.printf(
                        "lowest adaptive limit of its endpoint %-19s %d of %d%n", service, limit, CONCURRENCY));
                sampler.peakHeap.forEach((service, bytes) ->
                        System.out.printf("peak heap %-19s %6.0f MiB%n", service, bytes / 1048576.0));
                System.out.printf("load average before / after: %s / %s%n", loadBefore, loadAfter);

                String note = run.total() + " work items " + conditions + ", target and judge on fake endpoints"
                        + " (200-800 ms, 2% 429, concurrency 64 each); ceiling " + Math.round(ceiling) + "/s";
                BenchmarkFigures figures = BenchmarkFigures.of(title)
                        .figure("judged per second, whole run", run.perSecond(), "1/s", note)
                        .figure(
                                "share of the ceiling, whole run",
                                100 * run.perSecond() / ceiling,
                                "%",
                                "target >= 90%")
                        .figure("judged per second, 10% to 90% judged", run.middle(), "1/s")
                        .figure("share of the ceiling, 10% to 90% judged", 100 * run.middle() / ceiling, "%")
                        .figure("judged per second, first judgement to last", run.sinceFirst(), "1/s")
                        .figure("calls per item at the target", targetCalls, "calls")
                        .figure(
                                "POST /runs answered after",
                                run.publishedSeconds(),
                                "s",
                                run.total() + " work items published")
                        .figure("first judgement after", run.firstAfter(), "s")
                        .figure("peak concurrency at the fake target", target.maxConcurrency(), "requests")
                        .figure("peak concurrency at the fake judge", judge.maxConcurrency(), "requests")
                        .figure("mean concurrency at the fake target", target.meanConcurrency(), "requests")
                        .figure("mean concurrency at the fake judge", judge.meanConcurrency(), "requests");
                sampler.peakInFlight.forEach(
                        (service, peak) -> figures.figure("peak in-flight items " + service, peak, "items"));
                sampler.peakHeap.forEach(
                        (service, bytes) -> figures.figure("peak heap " + service, bytes / 1048576.0, "MiB"));
                assertThat(run.judged()).isEqualTo(run.total());
            }
        }
    }

    /** Reads the consumers' in-flight gauges and heap from their Prometheus metrics, every 250 ms. */
    private final class Sampler {
        private final Platform platform;
        private final List<String> stages;
        private final Map<String, Long> peakInFlight = new ConcurrentHashMap<>();
        private final Map<String, Long> peakLimit = new ConcurrentHashMap<>();
        private final Map<String, Long> peakHeap = new ConcurrentHashMap<>();
        private final Map<String, Long> lowestEndpointLimit = new ConcurrentHashMap<>();
        private final Map<String, Long> inFlight = new ConcurrentHashMap<>();
        private volatile boolean running = true;
        private Thread thread;

        Sampler(Platform platform, List<String> stages) {
            this.platform = platform;
            this.stages = stages;
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
                for (String service : stages) {
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
                        String endpoint = service.equals(ServiceSpec.JUDGE) ? CapacityRuns.JUDGE : FakeLlmOptions.MODEL;
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

    /** One fake endpoint's requests, 429s, and peak and mean concurrency. */
    private static void printFake(String label, FakeLlmServer fake) {
        System.out.printf(
                "%s %d requests, %d answered 429, peak concurrency %d, mean %.1f from its first request to its last"
                        + " answer%n",
                label, fake.requests(), fake.count("429"), fake.maxConcurrency(), fake.meanConcurrency());
    }
}
