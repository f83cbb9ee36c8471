package io.penguin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.penguin.cli.platform.Platform;
import io.penguin.cli.platform.PlatformClient;
import io.penguin.cli.platform.ServiceSpec;
import io.penguin.fakellm.FakeReply;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Runs at scale through the real broker, database and service processes: counts, crashes, failures, re-drive. */
class EvaluationAtScaleIT {

    private final Platform platform = SharedPlatform.get();
    private final PlatformClient client = new PlatformClient();

    private URI scenario(String path) {
        return platform.url(ServiceSpec.SCENARIO).resolve(path);
    }

    private JsonNode start(Map<String, Object> request) {
        return client.post(scenario("/runs"), request);
    }

    private JsonNode run(String id) {
        return client.get(scenario("/runs/" + id));
    }

    private JsonNode awaitCompleted(String id, Duration timeout) {
        await().atMost(timeout)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> run(id).path("status").asText().equals("COMPLETED"));
        return run(id);
    }

    /** Judgements stored for a run: total rows and distinct (work item, judge) identities. */
    private long[] judgements(String runId) throws Exception {
        try (Connection connection = platform.infrastructure()
                        .postgres()
                        .dataSource("penguin_judge")
                        .getConnection();
                PreparedStatement query = connection.prepareStatement("select count(*), count(distinct (scenario_id,"
                        + " condition_id, model, judge_model)) from judgement where run_id = ?")) {
            query.setString(1, runId);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return new long[] {result.getLong(1), result.getLong(2)};
            }
        }
    }

    @Test
    void multiModelMultiConditionRunWithAJudgePanelCompletesWithExactCounts() throws Exception {
        JsonNode started = start(Map.of(
                "models", List.of("reference", "reference-brief"),
                "conditions", List.of("context-free", "context-rich", "static-3", "random-3", "single:Emotional State"),
                "panelJudges", List.of("reference-judge-strict"),
                "seed", 11));
        String id = started.path("id").asText();
        // 14 built-in scenarios x 5 conditions x 2 models.
        assertThat(started.path("total").asLong()).isEqualTo(140);

        JsonNode done = awaitCompleted(id, Duration.ofMinutes(2));
        assertThat(done.path("judged").asLong()).isEqualTo(140);
        assertThat(done.path("failed").asLong()).isZero();
        assertThat(judgements(id)).as("one row per work item and judge").containsExactly(280, 280);
    }

    @Test
    void servicesKilledMidRunAndRestartedStillYieldExactlyOneJudgementPerItem() throws Exception {
        JsonNode started = start(Map.of(
                "models",
                List.of("reference", "reference-brief"),
                "conditions",
                List.of("single:*", "best-3"),
                "best3Sample",
                4,
                "seed",
                3));
        String id = started.path("id").asText();
        long total = started.path("total").asLong();
        // (14 scenarios x 10 singles + 4 sampled scenarios x 120 triples) x 2 models.
        assertThat(total).isEqualTo(1240);

        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> run(id).path("judged").asLong() > 0);
        platform.kill(ServiceSpec.JUDGE);
        platform.kill(ServiceSpec.GENERATION);
        long judgedAtKill = run(id).path("judged").asLong();
        assertThat(judgedAtKill).as("the services died mid-run").isLessThan(total);
        platform.kill(ServiceSpec.SCENARIO);

        platform.restart(ServiceSpec.SCENARIO, Duration.ofMinutes(2));
        platform.restart(ServiceSpec.GENERATION, Duration.ofMinutes(2));
        platform.restart(ServiceSpec.JUDGE, Duration.ofMinutes(2));

        JsonNode done = awaitCompleted(id, Duration.ofMinutes(3));
        assertThat(done.path("judged").asLong()).isEqualTo(total);
        assertThat(judgements(id)).as("no work item judged twice, none lost").containsExactly(total, total);
    }

    @Test
    void itemsThatExhaustTheRetryBudgetAreListedWithReasonsAndReDrivenToCompletion() {
        // Every call fails twice (the first attempt and the one retry the platform's fake endpoint allows).
        int scenarios = 3;
        SharedPlatform.fakeLlm()
                .enqueue(IntStream.range(0, 2 * scenarios)
                        .mapToObj(i -> FakeReply.status(500))
                        .toArray(FakeReply[]::new));
        JsonNode started = start(Map.of(
                "models",
                List.of(SharedPlatform.FAKE_MODEL),
                "conditions",
                List.of("context-rich"),
                "limit",
                scenarios,
                // the generation failures are the subject here, not the judge
                "allowReferenceJudge",
                true));
        String id = started.path("id").asText();

        JsonNode failedRun = awaitCompleted(id, Duration.ofMinutes(2));
        assertThat(failedRun.path("failed").asLong()).isEqualTo(scenarios);
        JsonNode failures = client.get(scenario("/runs/" + id + "/failures"));
        assertThat(failures).hasSize(scenarios);
        failures.forEach(failure -> {
            assertThat(failure.path("stage").asText()).isEqualTo("generation");
            assertThat(failure.path("reason").asText()).contains("generation failed");
        });

        JsonNode redriven = client.post(scenario("/runs/" + id + "/redrive"), Map.of());
        assertThat(redriven.path("republished").asInt()).isEqualTo(scenarios);
        JsonNode done = awaitCompleted(id, Duration.ofMinutes(2));
        assertThat(done.path("judged").asLong()).isEqualTo(scenarios);
        assertThat(done.path("failed").asLong()).isZero();
    }
}
