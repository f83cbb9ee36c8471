package io.penguin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.penguin.bench.BenchmarkFigures;
import io.penguin.cli.load.FakeLlmOptions;
import io.penguin.cli.platform.Platform;
import io.penguin.cli.platform.PlatformClient;
import io.penguin.cli.platform.Replicas;
import io.penguin.cli.platform.ServiceSpec;
import io.penguin.fakellm.FakeLlmServer;
import io.penguin.fakellm.RoleAwareResponder;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * What a second replica of generation- and judge-service adds: the target and the judge on fake slow endpoints
 * (latency uniform 200-800 ms, 2% 429 with Retry-After 1 s) whose concurrency limit is higher than in {@link
 * EndToEndCapacityBenchmark} (default 256 each: {@code -Dpenguin.benchmark.limit}), N work items (default 4,000:
 * {@code -Dpenguin.benchmark.items}), once with one process of each service and once with two. The limit is the
 * endpoint's, so two replicas get half of it each; the ceiling min(C/L) is the same for both. Prints judged/s side by
 * side with the machine's load average. Not part of {@code mvn verify}; run it with {@code mvn -B -pl penguin-cli -am
 * verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ReplicaCapacityBenchmark}.
 */
class ReplicaCapacityBenchmark {

    private static final String JUDGE = "fake-judge";
    private static final double MEAN_LATENCY_S = 0.5;

    private final PlatformClient client = new PlatformClient();

    private record Result(
            int replicas,
            long total,
            double seconds,
            double perSecond,
            double middle,
            int peakTarget,
            int peakJudge,
            String loadBefore,
            String loadAfter) {}

    @Test
    void printsJudgedPerSecondWithOneAndTwoGenerationAndJudgeReplicasSideBySide() {
        int limit = Integer.getInteger("penguin.benchmark.limit", 256);
        int items = Integer.getInteger("penguin.benchmark.items", 4_000);
        double ceiling = limit / MEAN_LATENCY_S;
        List<Result> results = List.of(measure(1, limit, items), measure(2, limit, items));

        System.out.println();
        System.out.println("=== Replica capacity (fake slow target and judge, embedded platform) ===");
        System.out.printf(
                "endpoints: target and judge, latency 200-800 ms, 2%% 429 (Retry-After 1 s), concurrency limit %d"
                        + " each, split between the replicas; ceiling min(C/L) = %.0f judged/s%n",
                limit, ceiling);
        System.out.printf(
                "%-9s %7s %9s %13s %16s %12s %11s  %s%n",
                "replicas",
                "items",
                "seconds",
                "judged/s",
                "judged/s 10-90%",
                "peak target",
                "peak judge",
                "load average before / after");
        BenchmarkFigures figures = BenchmarkFigures.of("Replica capacity");
        for (Result result : results) {
            System.out.printf(
                    "%-9d %7d %9.1f %13.1f %16.1f %12d %11d  %s / %s%n",
                    result.replicas(),
                    result.total(),
                    result.seconds(),
                    result.perSecond(),
                    result.middle(),
                    result.peakTarget(),
                    result.peakJudge(),
                    result.loadBefore(),
                    result.loadAfter());
            String note = result.total() + " work items, " + result.replicas()
                    + " generation+judge replica(s), endpoint limit " + limit + " each; ceiling " + (int) ceiling
                    + "/s";
            figures.figure(
                            "judged per second, whole run, " + result.replicas() + " replica(s)",
                            result.perSecond(),
                            "1/s",
                            note)
                    .figure(
                            "judged per second, 10% to 90% judged, " + result.replicas() + " replica(s)",
                            result.middle(),
                            "1/s");
        }
        System.out.printf(
                "two replicas / one: %.2f x whole run, %.2f x between 10%% and 90%% judged%n",
                results.get(1).perSecond() / results.get(0).perSecond(),
                results.get(1).middle() / results.get(0).middle());
    }

    private Result measure(int replicas, int limit, int items) {
        int perProcess = limit / replicas;
        try (FakeLlmServer target = slowFake(42);
                FakeLlmServer judge = slowFake(43)) {
            Map<String, String> settings = new LinkedHashMap<>(FakeLlmOptions.endpoint(target, perProcess));
            String judgePrefix = "penguin.models.endpoints." + JUDGE + ".";
            settings.put(judgePrefix + "base-url", judge.baseUrl());
            settings.put(judgePrefix + "model", JUDGE);
            settings.put(judgePrefix + "concurrency", Integer.toString(perProcess));
            settings.put(judgePrefix + "timeout", "60s");
            settings.put("penguin.models.cache.enabled", "false");
            Replicas replicaCounts =
                    new Replicas(Map.of(ServiceSpec.GENERATION, replicas, ServiceSpec.JUDGE, replicas));
            try (Platform platform = Platform.start(
                    SharedPlatform.home(),
                    SharedPlatform.home().resolve("penguin-cli/target/penguin-replica-capacity-" + replicas),
                    Duration.ofMinutes(5),
                    System.out,
                    settings,
                    replicaCounts)) {
                URI scenario = platform.url(ServiceSpec.SCENARIO);
                int scenarios = items / 2;
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

                String loadBefore = loadAverage();
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
                long tenth = 0;
                long ninetieth = 0;
                while (!run.path("status").asText().equals("COMPLETED")) {
                    LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
                    run = client.get(scenario.resolve("/runs/" + runId));
                    long judged = run.path("judged").asLong();
                    long now = System.nanoTime();
                    if (tenth == 0 && judged >= total / 10) {
                        tenth = now;
                    }
                    if (ninetieth == 0 && judged >= total * 9 / 10) {
                        ninetieth = now;
                    }
                    assertThat(now - started).isLessThan(Duration.ofMinutes(20).toNanos());
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                long judged = run.path("judged").asLong();
                assertThat(judged).isEqualTo(total);
                return new Result(
                        replicas,
                        total,
                        seconds,
                        judged / seconds,
                        (total * 0.8) / ((ninetieth - tenth) / 1e9),
                        target.maxConcurrency(),
                        judge.maxConcurrency(),
                        loadBefore,
                        loadAverage());
            }
        }
    }

    private static FakeLlmServer slowFake(long seed) {
        return FakeLlmServer.builder()
                .latency(Duration.ofMillis(200), Duration.ofMillis(800))
                .rateLimited(0.02, Duration.ofSeconds(1))
                .responder(new RoleAwareResponder())
                .seed(seed)
                .start();
    }

    /** The 1-, 5- and 15-minute load averages, as /proc/loadavg has them. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
