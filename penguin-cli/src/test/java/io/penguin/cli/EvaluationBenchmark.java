package io.penguin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.penguin.bench.BenchmarkFigures;
import io.penguin.cli.platform.Platform;
import io.penguin.cli.platform.PlatformClient;
import io.penguin.cli.platform.ServiceSpec;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * End-to-end evaluation throughput: the full generated catalog (140 issues x 10 profiles x 10 queries = 14,000
 * scenarios) x {context-free, context-rich} on the reference models, through the real broker, database and the five
 * service processes of the embedded launcher. Prints judged responses per second and each service's peak resident
 * memory. Not part of {@code mvn verify}; run it with
 * {@code mvn -B -pl penguin-cli -am verify -DskipTests=false -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=EvaluationBenchmark}. Smaller: {@code -Dpenguin.benchmark.profiles=2}.
 */
class EvaluationBenchmark {

    private final PlatformClient client = new PlatformClient();

    @Test
    void printsEndToEndThroughputAndPeakMemory() {
        int profiles = Integer.getInteger("penguin.benchmark.profiles", 10);
        int queries = Integer.getInteger("penguin.benchmark.queries", 10);
        try (Platform platform = Platform.start(
                SharedPlatform.home(),
                SharedPlatform.home().resolve("penguin-cli/target/penguin-benchmark"),
                Duration.ofMinutes(3),
                System.out)) {
            URI scenario = platform.url(ServiceSpec.SCENARIO);
            long generationStarted = System.nanoTime();
            JsonNode job = client.post(
                    scenario.resolve("/catalog/writing-jobs"),
                    Map.of("seed", 1, "profilesPerIssue", profiles, "queriesPerProfile", queries));
            String jobId = job.path("id").asText();
            while (job.path("status").asText().equals("RUNNING")) {
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
                job = client.get(scenario.resolve("/catalog/writing-jobs/" + jobId));
            }
            assertThat(job.path("status").asText()).isEqualTo("COMPLETED");
            double generationSeconds = (System.nanoTime() - generationStarted) / 1e9;

            long started = System.nanoTime();
            JsonNode run = client.post(
                    scenario.resolve("/runs"),
                    Map.of(
                            "source", "generated",
                            "conditions", List.of("context-free", "context-rich"),
                            "models", List.of("reference")));
            String runId = run.path("id").asText();
            long total = run.path("total").asLong();
            double publishedSeconds = (System.nanoTime() - started) / 1e9;
            long lastPrint = 0;
            while (!run.path("status").asText().equals("COMPLETED")) {
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
                run = client.get(scenario.resolve("/runs/" + runId));
                if (System.nanoTime() - lastPrint > 5e9) {
                    lastPrint = System.nanoTime();
                    System.out.printf(
                            "  %.0f s: judged %d / %d, %.1f/s recently%n",
                            (System.nanoTime() - started) / 1e9,
                            run.path("judged").asLong(),
                            total,
                            run.path("judgedPerSecond").asDouble());
                }
                assertThat(System.nanoTime() - started)
                        .isLessThan(Duration.ofMinutes(20).toNanos());
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Map<String, Long> peaks = platform.peakResidentKb();
            System.out.println();
            System.out.println("=== Evaluation benchmark (reference models, embedded platform, this machine) ===");
            System.out.printf(
                    "catalog: %d scenarios generated and stored in %.1f s%n",
                    job.path("written").asLong() + job.path("skipped").asLong(), generationSeconds);
            System.out.printf(
                    "run: %d work items, %d judged, %d failed; POST /runs answered after %.1f s%n",
                    total, run.path("judged").asLong(), run.path("failed").asLong(), publishedSeconds);
            System.out.printf(
                    "end to end: %.1f s, %.0f judged responses per second (target: 28,000 in under 60 s)%n",
                    seconds, run.path("judged").asLong() / seconds);
            peaks.forEach((name, kb) -> System.out.printf("peak RSS %-19s %6.0f MiB%n", name, kb / 1024.0));
            BenchmarkFigures figures = BenchmarkFigures.of("Evaluation end to end")
                    .figure(
                            "catalog generated and stored",
                            generationSeconds,
                            "s",
                            (job.path("written").asLong() + job.path("skipped").asLong()) + " scenarios")
                    .figure(
                            "POST /runs answered after",
                            publishedSeconds,
                            "s",
                            total + " work items stored and published")
                    .figure(
                            "work items judged end to end",
                            seconds,
                            "s",
                            total + " work items (" + run.path("judged").asLong() + " judged), reference models;"
                                    + " target: 28,000 in under 60 s")
                    .figure("judged responses per second", run.path("judged").asLong() / seconds, "1/s");
            peaks.forEach((name, kb) -> figures.figure("peak RSS " + name, kb / 1024.0, "MiB"));
            assertThat(run.path("judged").asLong()).isEqualTo(total);
        }
    }
}
