package io.penguin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.penguin.cli.load.FakeLlmOptions;
import io.penguin.cli.platform.PlatformClient;
import io.penguin.fakellm.FakeLlmServer;
import io.penguin.fakellm.RoleAwareResponder;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * What the capacity benchmarks share: the fake slow endpoints, the generated catalog a run samples, and one run
 * followed from {@code POST /runs} to its last judgement with the 10% and 90% marks.
 */
final class CapacityRuns {

    static final String JUDGE = "fake-judge";

    /** The fakes' mean latency (uniform 200-800 ms), which with a concurrency limit C gives the ceiling C / L. */
    static final double MEAN_LATENCY_S = 0.5;

    private static final Duration LONGEST_RUN = Duration.ofMinutes(20);

    private CapacityRuns() {}

    /** A fake OpenAI-compatible endpoint: latency uniform 200-800 ms, 2% answered 429 with Retry-After 1 s. */
    static FakeLlmServer slowFake(long seed) {
        return FakeLlmServer.builder()
                .latency(Duration.ofMillis(200), Duration.ofMillis(800))
                .rateLimited(0.02, Duration.ofSeconds(1))
                .responder(new RoleAwareResponder())
                .seed(seed)
                .start();
    }

    /** The target endpoint {@code fake-llm} and the judge endpoint {@code fake-judge}, each with this limit. */
    static Map<String, String> endpoints(FakeLlmServer target, FakeLlmServer judge, int concurrency) {
        Map<String, String> settings = new LinkedHashMap<>(FakeLlmOptions.endpoint(target, concurrency));
        String judgePrefix = "penguin.models.endpoints." + JUDGE + ".";
        settings.put(judgePrefix + "base-url", judge.baseUrl());
        settings.put(judgePrefix + "model", JUDGE);
        settings.put(judgePrefix + "concurrency", Integer.toString(concurrency));
        settings.put(judgePrefix + "timeout", "60s");
        settings.put("penguin.models.cache.enabled", "false");
        settings.putAll(extraSettings());
        return settings;
    }

    /**
     * Settings to try on every service of the run, from {@code -Dpenguin.benchmark.set=key=value,key=value} (e.g. a
     * window size or a sampler), printed so that the figures say what they were measured with.
     */
    static Map<String, String> extraSettings() {
        Map<String, String> extra = new LinkedHashMap<>();
        String given = System.getProperty("penguin.benchmark.set", "");
        for (String pair : given.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("penguin.benchmark.set: not key=value: " + pair);
            }
            extra.put(
                    pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        if (!extra.isEmpty()) {
            System.out.println("settings tried (penguin.benchmark.set): " + extra);
        }
        return extra;
    }

    /** Writes a generated catalog of at least this many scenarios (140 issues x k profiles x k queries). */
    static void writeCatalog(PlatformClient client, URI scenario, int scenarios) {
        int perIssue = (int) Math.ceil(Math.sqrt(scenarios / 140.0));
        JsonNode job = client.post(
                scenario.resolve("/catalog/writing-jobs"),
                Map.of("seed", 3, "profilesPerIssue", perIssue, "queriesPerProfile", perIssue));
        while (job.path("status").asText().equals("RUNNING")) {
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            job = client.get(
                    scenario.resolve("/catalog/writing-jobs/" + job.path("id").asText()));
        }
        assertThat(job.path("status").asText()).isEqualTo("COMPLETED");
    }

    /** A run followed to completion: its counts and the moments judging started, passed 10% and passed 90%. */
    record FollowedRun(
            long total,
            long judged,
            long failed,
            double seconds,
            double publishedSeconds,
            double firstAfter,
            double tenthAfter,
            double ninetiethAfter) {

        /** Judged per second from {@code POST /runs} to the last judgement. */
        double perSecond() {
            return judged / seconds;
        }

        /** Judged per second between 10% and 90% judged: the steady part. */
        double middle() {
            return (total * 0.8) / (ninetiethAfter - tenthAfter);
        }

        /** Judged per second from the first judgement to the last. */
        double sinceFirst() {
            return judged / (seconds - firstAfter);
        }
    }

    /**
     * Starts a run with this body and follows it to completion, printing progress every 10 s (with what
     * {@code inFlight} says at that moment); fails when it takes longer than 20 minutes.
     */
    static FollowedRun follow(
            PlatformClient client, URI scenario, Map<String, Object> body, Supplier<String> inFlight) {
        long started = System.nanoTime();
        JsonNode run = client.post(scenario.resolve("/runs"), body);
        String runId = run.path("id").asText();
        long total = run.path("total").asLong();
        double published = seconds(started);
        double first = 0;
        double tenth = 0;
        double ninetieth = 0;
        long lastPrint = started;
        while (!run.path("status").asText().equals("COMPLETED")) {
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            run = client.get(scenario.resolve("/runs/" + runId));
            long judged = run.path("judged").asLong();
            double now = seconds(started);
            if (first == 0 && judged > 0) {
                first = now;
            }
            if (tenth == 0 && judged >= total / 10) {
                tenth = now;
            }
            if (ninetieth == 0 && judged >= total * 9 / 10) {
                ninetieth = now;
            }
            if (System.nanoTime() - lastPrint > 10e9) {
                lastPrint = System.nanoTime();
                System.out.printf(
                        "  %.0f s: judged %d / %d, failed %d; in flight %s%n",
                        now, judged, total, run.path("failed").asLong(), inFlight.get());
            }
            assertThat(now).as("seconds the run took").isLessThan(LONGEST_RUN.toSeconds());
        }
        return new FollowedRun(
                total,
                run.path("judged").asLong(),
                run.path("failed").asLong(),
                seconds(started),
                published,
                first,
                tenth,
                ninetieth);
    }

    /** The 1-, 5- and 15-minute load averages, as /proc/loadavg has them. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
