package io.penguin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.penguin.bench.BenchmarkFigures;
import io.penguin.cli.load.FakeLlmOptions;
import io.penguin.cli.platform.Platform;
import io.penguin.cli.platform.PlatformClient;
import io.penguin.cli.platform.Replicas;
import io.penguin.cli.platform.ServiceSpec;
import io.penguin.fakellm.FakeLlmServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
        double ceiling = limit / CapacityRuns.MEAN_LATENCY_S;
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
        try (FakeLlmServer target = CapacityRuns.slowFake(42);
                FakeLlmServer judge = CapacityRuns.slowFake(43)) {
            Replicas replicaCounts =
                    new Replicas(Map.of(ServiceSpec.GENERATION, replicas, ServiceSpec.JUDGE, replicas));
            try (Platform platform = Platform.start(
                    SharedPlatform.home(),
                    SharedPlatform.home().resolve("penguin-cli/target/penguin-replica-capacity-" + replicas),
                    Duration.ofMinutes(5),
                    System.out,
                    CapacityRuns.endpoints(target, judge, perProcess),
                    replicaCounts)) {
                URI scenario = platform.url(ServiceSpec.SCENARIO);
                int scenarios = items / 2;
                CapacityRuns.writeCatalog(client, scenario, scenarios);
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
                                List.of("context-free", "context-rich"),
                                "models",
                                List.of(FakeLlmOptions.MODEL),
                                "judgeModel",
                                CapacityRuns.JUDGE),
                        () -> replicas + " replica(s)");
                assertThat(run.judged()).isEqualTo(run.total());
                return new Result(
                        replicas,
                        run.total(),
                        run.seconds(),
                        run.perSecond(),
                        run.middle(),
                        target.maxConcurrency(),
                        judge.maxConcurrency(),
                        loadBefore,
                        CapacityRuns.loadAverage());
            }
        }
    }
}
