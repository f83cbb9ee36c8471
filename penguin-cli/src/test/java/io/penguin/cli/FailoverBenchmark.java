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
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * How long a consumer's partitions sit idle after it is SIGKILLed and restarted: a run is being judged, generation-service
 * is killed and started again, and the stall is the time from the kill until judging moves again (and from the
 * restarted process being ready until then). Measured with the platform's consumer session timeout
 * ({@code penguin.kafka.session-timeout-ms}, 10 s) and, for comparison, with Kafka's default of 45 s. Not part of
 * {@code mvn verify}; run it with {@code mvn -B -pl penguin-cli -am verify -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=FailoverBenchmark}.
 */
class FailoverBenchmark {

    private final PlatformClient client = new PlatformClient();
    private final FakeLlmServer fake = FakeLlmServer.builder()
            .latency(Duration.ofMillis(200))
            .responder(new RoleAwareResponder())
            .start();

    @org.junit.jupiter.api.AfterEach
    void stopFake() {
        fake.close();
    }

    private record Stall(double sinceKill, double sinceReady, double restart) {}

    @Test
    void printsThePartitionStallAfterASigkilledConsumerRestartsWithTheTunedAndTheDefaultSessionTimeout() {
        BenchmarkFigures figures = BenchmarkFigures.of("Failover after SIGKILL");
        for (int sessionTimeoutMs : List.of(10_000, 45_000)) {
            Stall stall = measure(sessionTimeoutMs);
            System.out.printf(
                    "session timeout %d ms: judging stalled %.1f s after the SIGKILL, %.1f s after the restarted"
                            + " generation-service was ready (restart took %.1f s)%n",
                    sessionTimeoutMs, stall.sinceKill(), stall.sinceReady(), stall.restart());
            String note = "session.timeout.ms " + sessionTimeoutMs + ", generation-service SIGKILLed mid-run";
            figures.figure(
                            "stall after SIGKILL, session timeout " + sessionTimeoutMs / 1000 + " s",
                            stall.sinceKill(),
                            "s",
                            note)
                    .figure(
                            "idle after the restart was ready, session timeout " + sessionTimeoutMs / 1000 + " s",
                            stall.sinceReady(),
                            "s",
                            note);
        }
    }

    private Stall measure(int sessionTimeoutMs) {
        // A target slow enough (200 ms a call, 8 at a time: about 40 answers/s) that generation is the bottleneck
        // and still has most of the run ahead of it when it is killed; the reference models finished a whole run
        // before the kill.
        Map<String, String> settings = new java.util.LinkedHashMap<>(FakeLlmOptions.endpoint(fake, 8));
        settings.put("penguin.models.cache.enabled", "false");
        settings.put("penguin.kafka.session-timeout-ms", Integer.toString(sessionTimeoutMs));
        try (Platform platform = Platform.start(
                SharedPlatform.home(),
                SharedPlatform.home().resolve("penguin-cli/target/penguin-failover"),
                Duration.ofMinutes(3),
                System.out,
                settings)) {
            URI scenario = platform.url(ServiceSpec.SCENARIO);
            JsonNode job = client.post(
                    scenario.resolve("/catalog/writing-jobs"),
                    Map.of("seed", 7, "profilesPerIssue", 2, "queriesPerProfile", 2));
            while (job.path("status").asText().equals("RUNNING")) {
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
                job = client.get(scenario.resolve(
                        "/catalog/writing-jobs/" + job.path("id").asText()));
            }
            JsonNode run = client.post(
                    scenario.resolve("/runs"),
                    Map.of(
                            "source",
                            "generated",
                            "conditions",
                            List.of("context-free", "context-rich"),
                            "models",
                            List.of(FakeLlmOptions.MODEL),
                            "allowReferenceJudge",
                            true));
            String runId = run.path("id").asText();
            long total = run.path("total").asLong();
            while (judged(scenario, runId) < total / 20) {
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
            long killed = System.nanoTime();
            platform.kill(ServiceSpec.GENERATION);
            // What generation-service wrote before it died is judged on; judging stalls once that is drained.
            long drained = judgedOnceSteady(scenario, runId, Duration.ofSeconds(2));
            assertThat(drained)
                    .as("generation had work left when it was killed")
                    .isLessThan(total);
            platform.restart(ServiceSpec.GENERATION, Duration.ofMinutes(3));
            long ready = System.nanoTime();
            while (judged(scenario, runId) <= drained) {
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
            long moving = System.nanoTime();
            while (judged(scenario, runId) < total) {
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            }
            assertThat(judged(scenario, runId)).isEqualTo(total);
            return new Stall((moving - killed) / 1e9, (moving - ready) / 1e9, (ready - killed) / 1e9);
        }
    }

    /** The judged count once it has not moved for {@code steady}. */
    private long judgedOnceSteady(URI scenario, String runId, Duration steady) {
        long last = judged(scenario, runId);
        long since = System.nanoTime();
        while (System.nanoTime() - since < steady.toNanos()) {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            long now = judged(scenario, runId);
            if (now != last) {
                last = now;
                since = System.nanoTime();
            }
        }
        return last;
    }

    private long judged(URI scenario, String runId) {
        return client.get(scenario.resolve("/runs/" + runId)).path("judged").asLong();
    }
}
