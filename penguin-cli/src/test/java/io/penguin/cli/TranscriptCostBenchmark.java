package io.penguin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.penguin.bench.BenchmarkFigures;
import io.penguin.cli.platform.Platform;
import io.penguin.cli.platform.PlatformClient;
import io.penguin.cli.platform.ServiceSpec;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * What keeping transcripts costs judging: the same run (reference models, the generated catalog, context-free and
 * context-rich) on a fresh embedded platform with {@code penguin.transcripts.keep} true, then false; judged/s of each,
 * side by side. Prints its figures; asserts only that every item was judged and, with transcripts kept, that each
 * item has one. Size: {@code -Dpenguin.benchmark.profiles} (default 4 per issue, 10 queries each: 5,600 scenarios,
 * 11,200 work items).
 */
class TranscriptCostBenchmark {

    private final PlatformClient client = new PlatformClient();

    @Test
    void printsJudgedPerSecondWithAndWithoutTranscripts() {
        int profiles = Integer.getInteger("penguin.benchmark.profiles", 4);
        Map<String, double[]> measured = new LinkedHashMap<>();
        for (boolean keep : List.of(true, false)) {
            measured.put(keep ? "kept" : "not kept", run(profiles, keep));
        }
        System.out.println();
        System.out.println("=== Transcript cost (reference models, embedded platform, this machine) ===");
        BenchmarkFigures figures = BenchmarkFigures.of("Transcripts and judging");
        measured.forEach((label, figure) -> {
            System.out.printf(
                    "transcripts %-8s: %.0f work items judged in %.1f s, %.0f judged/s%n",
                    label, figure[0], figure[1], figure[0] / figure[1]);
            figures.figure(
                    "judged per second, transcripts " + label,
                    figure[0] / figure[1],
                    "1/s",
                    (long) figure[0] + " work items, reference models");
        });
    }

    /** Returns {work items, seconds from POST /runs to COMPLETED}. */
    private double[] run(int profiles, boolean keep) {
        try (Platform platform = Platform.start(
                SharedPlatform.home(),
                SharedPlatform.home().resolve("penguin-cli/target/penguin-transcript-benchmark-" + keep),
                Duration.ofMinutes(3),
                System.out,
                Map.of("penguin.transcripts.keep", Boolean.toString(keep)))) {
            URI scenario = platform.url(ServiceSpec.SCENARIO);
            JsonNode job = client.post(
                    scenario.resolve("/catalog/writing-jobs"),
                    Map.of("seed", 1, "profilesPerIssue", profiles, "queriesPerProfile", 10));
            String jobId = job.path("id").asText();
            while (job.path("status").asText().equals("RUNNING")) {
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
                job = client.get(scenario.resolve("/catalog/writing-jobs/" + jobId));
            }
            assertThat(job.path("status").asText()).isEqualTo("COMPLETED");
            long started = System.nanoTime();
            JsonNode run = client.post(
                    scenario.resolve("/runs"),
                    Map.of(
                            "source", "generated",
                            "conditions", List.of("context-free", "context-rich"),
                            "models", List.of("reference")));
            String runId = run.path("id").asText();
            long total = run.path("total").asLong();
            while (!run.path("status").asText().equals("COMPLETED")) {
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
                run = client.get(scenario.resolve("/runs/" + runId));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(run.path("judged").asLong()).isEqualTo(total);
            if (keep) {
                // Transcripts are written beside judging, not before it: wait for the last of them.
                URI judge = platform.url(ServiceSpec.JUDGE);
                long sampled = System.nanoTime();
                JsonNode first = client.get(judge.resolve("/runs/" + runId + "/samples?size=1"));
                String scenarioId = first.get(0).path("scenarioId").asText();
                JsonNode sample = client.get(judge.resolve("/runs/" + runId + "/samples/" + scenarioId));
                while (!sample.get(0).path("transcriptKept").asBoolean()
                        && System.nanoTime() - sampled < Duration.ofMinutes(3).toNanos()) {
                    LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
                    sample = client.get(judge.resolve("/runs/" + runId + "/samples/" + scenarioId));
                }
                assertThat(sample.get(0).path("transcriptKept").asBoolean()).isTrue();
            }
            return new double[] {total, seconds};
        }
    }
}
