package io.penguin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.penguin.bench.BenchmarkFigures;
import io.penguin.cli.load.FakeLlmOptions;
import io.penguin.cli.load.RecordedItem;
import io.penguin.cli.load.record.CatalogRecorder;
import io.penguin.cli.load.replay.ConsumerLag;
import io.penguin.cli.load.replay.ReplaySummary;
import io.penguin.cli.load.replay.Replayer;
import io.penguin.cli.load.replay.Schedule;
import io.penguin.cli.platform.Platform;
import io.penguin.cli.platform.PlatformClient;
import io.penguin.cli.platform.ServiceSpec;
import io.penguin.fakellm.FakeLlmServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The highest sustained replay rate on the reference models at which the p99 end-to-end latency (published -> judged)
 * stays under 2 s: a constant-rate replay of the generated catalog (14,000 scenarios x {context-free, context-rich})
 * into the embedded platform, stepped up until a step's p99 reaches 2 s or items fall behind (not all judged within
 * the drain time), then bisected twice between the last step that held and the first that did not. Then one replay
 * against a fake slow model (200-800 ms, 2% 429), to show capacity with a real endpoint's latency. A step holds only
 * when judge-service also stored a judgement for every item sent (counted in its database). Each step runs
 * {@code penguin.benchmark.step-seconds} (default 30) after the platform has caught up with the previous one.
 *
 * <p>Not part of {@code mvn verify} (the name matches no Failsafe pattern); the benchmark suite runs it
 * ({@code bench/run}), or by itself: {@code mvn -B -o -pl penguin-cli -am verify -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ReplayRateBenchmark}.
 */
class ReplayRateBenchmark {

    private static final double P99_LIMIT_MS = 2_000;
    private static final int STEP_SECONDS = Integer.getInteger("penguin.benchmark.step-seconds", 30);
    private static final List<Double> RATES = List.of(
            50.0, 100.0, 200.0, 400.0, 600.0, 800.0, 1000.0, 1500.0, 2000.0, 3000.0, 4000.0, 5000.0, 6000.0, 8000.0);
    /** A step whose sender ran later than this against its schedule measured the load generator, not the platform. */
    private static final double SENDER_LAG_LIMIT_MS = 1_000;

    private final PlatformClient client = new PlatformClient();
    private javax.sql.DataSource judgeDatabase;
    private final BenchmarkFigures figures = BenchmarkFigures.of("Replay rate (reference models)");

    @Test
    void highestSustainedRateWithP99UnderTwoSeconds() throws Exception {
        try (FakeLlmServer fake = FakeLlmServer.builder()
                        .latency(Duration.ofMillis(200), Duration.ofMillis(800))
                        .rateLimited(0.02, Duration.ofSeconds(1))
                        .start();
                Platform platform = Platform.start(
                        SharedPlatform.home(),
                        SharedPlatform.home().resolve("penguin-cli/target/penguin-replay-benchmark"),
                        Duration.ofMinutes(3),
                        System.out,
                        fakeModel(fake))) {
            String kafka = platform.infrastructure().kafka().bootstrapServers();
            judgeDatabase = platform.infrastructure().postgres().dataSource("penguin_judge");
            List<RecordedItem> items = generatedCatalog(platform.url(ServiceSpec.SCENARIO));
            System.out.printf("%nRecorded %d work items of the generated catalog%n", items.size());

            try (ConsumerLag lag = new ConsumerLag(kafka)) {
                System.out.println("Warm-up: 200/s for 30 s (not counted; the services' JIT is cold)");
                step(kafka, lag, items, 200, Duration.ofSeconds(30), null, Duration.ofMinutes(2), false);

                System.out.printf(
                        "%n%-8s %7s %7s %7s %6s %9s %9s %9s %9s %9s %s%n",
                        "rate/s",
                        "sent",
                        "judged",
                        "stored",
                        "unfin",
                        "judged/s",
                        "p50 ms",
                        "p90 ms",
                        "p99 ms",
                        "max ms",
                        "verdict");
                double held = 0;
                double failed = 0;
                for (double rate : RATES) {
                    if (holds(step(
                            kafka,
                            lag,
                            items,
                            rate,
                            Duration.ofSeconds(STEP_SECONDS),
                            null,
                            Duration.ofSeconds(60),
                            true))) {
                        held = rate;
                    } else {
                        failed = rate;
                        break;
                    }
                }
                for (int i = 0; i < 2 && failed > 0 && failed - held > 25; i++) {
                    double middle = Math.round((held + failed) / 2 / 10) * 10.0;
                    if (holds(step(
                            kafka,
                            lag,
                            items,
                            middle,
                            Duration.ofSeconds(STEP_SECONDS),
                            null,
                            Duration.ofSeconds(60),
                            true))) {
                        held = middle;
                    } else {
                        failed = middle;
                    }
                }
                String note = failed > 0
                        ? String.format(Locale.ROOT, "%.0f/s did not hold; %d s per step", failed, STEP_SECONDS)
                        : "the highest rate tried; " + STEP_SECONDS + " s per step";
                System.out.printf(
                        Locale.ROOT,
                        "%nhighest sustained replay rate with p99 < %.0f ms: %.0f work items/s (%s)%n",
                        P99_LIMIT_MS,
                        held,
                        note);
                figures.figure("highest sustained replay rate with p99 < 2 s", held, "items/s", note);

                System.out.printf(
                        "%nFake slow model '%s' (200-800 ms, 2%% 429 with Retry-After 1 s, concurrency 64): 50/s for %d s%n",
                        FakeLlmOptions.MODEL, STEP_SECONDS);
                fake.resetCounts();
                ReplaySummary slow = step(
                        kafka,
                        lag,
                        items,
                        50,
                        Duration.ofSeconds(STEP_SECONDS),
                        FakeLlmOptions.MODEL,
                        Duration.ofMinutes(4),
                        false);
                System.out.printf(
                        "fake model: %d requests, %d answered 429, peak concurrency %d%n",
                        fake.requests(), fake.count("429"), fake.maxConcurrency());
                String slowNote = String.format(
                        Locale.ROOT,
                        "offered 50/s for %d s: %d of %d judged; p50 %.0f ms, p99 %.0f ms; peak concurrency at the"
                                + " model %d",
                        STEP_SECONDS,
                        slow.judged(),
                        slow.sent(),
                        slow.latency().p50(),
                        slow.latency().p99(),
                        fake.maxConcurrency());
                figures.figure(
                        "fake slow model (200-800 ms, 2% 429): judged per second",
                        slow.judgedRate(), "items/s", slowNote);
                assertThat(held).as("the lowest rate tried held").isPositive();
            }
        }
    }

    /** The fake as a target model, with the call cache off so that its replies are never served from the cache. */
    private static Map<String, String> fakeModel(FakeLlmServer fake) {
        Map<String, String> properties = new java.util.HashMap<>(FakeLlmOptions.endpoint(fake, 64));
        properties.put("penguin.models.cache.enabled", "false");
        return properties;
    }

    private ReplaySummary step(
            String kafka,
            ConsumerLag lag,
            List<RecordedItem> items,
            double rate,
            Duration length,
            String model,
            Duration drain,
            boolean searchStep) {
        settle(lag);
        ReplaySummary summary = new Replayer(new Replayer.Settings(
                        kafka,
                        "bench-" + Math.round(rate) + "-" + UUID.randomUUID(),
                        Schedule.constant(rate),
                        Long.MAX_VALUE,
                        true,
                        length,
                        drain,
                        model,
                        null,
                        null))
                .run(items);
        long maxGeneration = maxLag(summary, "generation-service");
        long maxJudge = maxLag(summary, "judge-service");
        long stored = stored(summary.runIds());
        boolean holds = holds(summary) && stored == summary.sent();
        System.out.printf(
                Locale.ROOT,
                "%-8.0f %7d %7d %7d %6d %9.1f %9.1f %9.1f %9.1f %9.1f %s (lag max: generation %d, judge %d)%n",
                rate,
                summary.sent(),
                summary.judged(),
                stored,
                summary.unfinished(),
                summary.judgedRate(),
                summary.latency().p50(),
                summary.latency().p90(),
                summary.latency().p99(),
                summary.latency().max(),
                verdict(summary, holds),
                maxGeneration,
                maxJudge);
        if (searchStep) {
            figures.figure(
                    String.format(Locale.ROOT, "replay at %.0f/s: p99 end to end", rate),
                    summary.latency().p99(),
                    "ms",
                    String.format(
                            Locale.ROOT,
                            "p50 %.0f ms; %d of %d judged (%d stored by judge-service), %.0f judged/s; %s",
                            summary.latency().p50(),
                            summary.judged(),
                            summary.sent(),
                            stored,
                            summary.judgedRate(),
                            verdict(summary, holds)));
        }
        return summary;
    }

    private static String verdict(ReplaySummary summary, boolean holds) {
        if (holds) {
            return "holds";
        }
        return summary.scheduleLag().p99() >= SENDER_LAG_LIMIT_MS
                ? "does not hold (the sender fell behind its schedule)"
                : "does not hold";
    }

    /** Judgements judge-service stored for these run ids: the replay's count checked against the database. */
    private long stored(List<String> runIds) {
        try (java.sql.Connection connection = judgeDatabase.getConnection();
                java.sql.PreparedStatement query =
                        connection.prepareStatement("select count(*) from judgement where run_id = ?")) {
            long stored = 0;
            for (String runId : runIds) {
                query.setString(1, runId);
                try (java.sql.ResultSet result = query.executeQuery()) {
                    result.next();
                    stored += result.getLong(1);
                }
            }
            return stored;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("counting stored judgements failed: " + e.getMessage(), e);
        }
    }

    private static boolean holds(ReplaySummary summary) {
        return summary.complete()
                && summary.latency().p99() < P99_LIMIT_MS
                && summary.scheduleLag().p99() < SENDER_LAG_LIMIT_MS;
    }

    private static long maxLag(ReplaySummary summary, String group) {
        ReplaySummary.GroupLag lag = summary.consumerLag().get(group);
        return lag == null ? 0 : lag.max();
    }

    /** Waits until the services have committed everything published so far, so a step starts on a quiet platform. */
    private static void settle(ConsumerLag lag) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Long> behind = lag.sample();
            if (behind.values().stream().allMatch(records -> records == 0)) {
                return;
            }
            LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
        }
        throw new IllegalStateException("the platform did not catch up within 3 minutes");
    }

    /** The generated catalog (seed 1, 14,000 scenarios) x {context-free, context-rich} on the reference model. */
    private List<RecordedItem> generatedCatalog(URI scenarioService) throws Exception {
        JsonNode job = client.post(
                scenarioService.resolve("/catalog/writing-jobs"),
                Map.of("seed", 1, "profilesPerIssue", 10, "queriesPerProfile", 10));
        String jobId = job.path("id").asText();
        while (job.path("status").asText().equals("RUNNING")) {
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            job = client.get(scenarioService.resolve("/catalog/writing-jobs/" + jobId));
        }
        assertThat(job.path("status").asText()).isEqualTo("COMPLETED");
        HttpResponse<java.io.InputStream> export = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        scenarioService.resolve("/catalog/exports?format=jsonl&source=generated"))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertThat(export.statusCode()).isEqualTo(200);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(export.body(), StandardCharsets.UTF_8))) {
            return new CatalogRecorder(
                            List.of("context-free", "context-rich"),
                            List.of("reference"),
                            "reference-judge",
                            1000,
                            0,
                            14_000)
                    .record(reader);
        }
    }
}
