package io.penguin.cli;

import static io.penguin.cli.Cli.penguin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.penguin.cli.Cli.Result;
import io.penguin.cli.load.RecordedItem;
import io.penguin.cli.load.Recording;
import io.penguin.cli.platform.Platform;
import io.penguin.cli.platform.PlatformClient;
import io.penguin.cli.platform.ServiceSpec;
import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Scenario;
import io.penguin.fakellm.FakeReply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** {@code penguin record} and {@code penguin replay} against the embedded platform (broker, database, services). */
class ReplayIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Platform platform = SharedPlatform.get();
    private final String kafka = platform.infrastructure().kafka().bootstrapServers();

    private static Path dir() throws Exception {
        return Files.createDirectories(SharedPlatform.home().resolve("penguin-cli/target/replay-it"));
    }

    @Test
    void aShortReplayAtAFixedRateHasEveryItemJudgedAndASummaryWhoseCountsMatch() throws Exception {
        Path recording = dir().resolve("builtin.jsonl.gz");
        // 14 built-in scenarios x 12 conditions x 2 models = 336 work items
        Result recorded = penguin(
                "record",
                "--catalog",
                "--url",
                platform.url(ServiceSpec.SCENARIO).toString(),
                "--source",
                "builtin",
                "--condition",
                "context-free",
                "--condition",
                "context-rich",
                "--condition",
                "single:*",
                "--model",
                "reference",
                "--model",
                "reference-brief",
                "-o",
                recording.toString());
        assertThat(recorded.exitCode()).isZero();
        assertThat(Recording.read(recording)).hasSize(336);

        String runId = "replay-it-" + UUID.randomUUID();
        Path summaryFile = dir().resolve("summary-" + runId + ".json");
        Result replayed = penguin(
                "replay",
                recording.toString(),
                "--bootstrap-servers",
                kafka,
                "--judge-url",
                platform.url(ServiceSpec.JUDGE).toString(),
                "--rate",
                "100",
                "--run-id",
                runId,
                "--drain-timeout",
                "2m",
                "--summary-json",
                summaryFile.toString());

        assertThat(replayed.exitCode()).isZero();
        assertThat(replayed.output()).contains("constant 100/s").contains("sent 336 in");
        JsonNode summary = JSON.readTree(summaryFile.toFile());
        assertThat(summary.path("sent").asLong()).isEqualTo(336);
        assertThat(summary.path("judged").asLong()).isEqualTo(336);
        assertThat(summary.path("deadLettered").asLong()).isZero();
        assertThat(summary.path("unfinished").asLong()).isZero();
        assertThat(summary.path("sendErrors").asLong()).isZero();
        assertThat(summary.path("storedJudgements").asLong()).isEqualTo(336);
        assertThat(summary.path("latency").path("count").asLong()).isEqualTo(336);
        assertThat(summary.path("latency").path("p99").asDouble()).isPositive();
        assertThat(summary.path("latency").path("p99").asDouble())
                .isLessThanOrEqualTo(summary.path("latency").path("max").asDouble());
        assertThat(sum(summary.path("perSecond"), "sent")).isEqualTo(336);
        assertThat(sum(summary.path("perSecond"), "judged")).isEqualTo(336);
        // 336 items at 100/s: sending takes about 3.4 s, whatever the machine
        assertThat(summary.path("sendSeconds").asDouble()).isBetween(3.0, 6.0);
        assertThat(summary.path("consumerLag").has("generation-service")).isTrue();
        assertThat(summary.path("consumerLag").has("judge-service")).isTrue();

        // what the judge stored for the replay's run id: one judgement per replayed work item
        try (Connection connection = platform.infrastructure()
                        .postgres()
                        .dataSource("penguin_judge")
                        .getConnection();
                PreparedStatement query = connection.prepareStatement("select count(*), count(distinct (scenario_id,"
                        + " condition_id, model)) from judgement where run_id = ?")) {
            query.setString(1, runId);
            try (ResultSet result = query.executeQuery()) {
                assertThat(result.next()).isTrue();
                assertThat(result.getLong(1)).isEqualTo(336);
                assertThat(result.getLong(2)).isEqualTo(336);
            }
        }
    }

    @Test
    void recordingARunKeepsItsWorkItemsInPublicationOrder() throws Exception {
        PlatformClient client = new PlatformClient();
        JsonNode run = client.post(
                platform.url(ServiceSpec.SCENARIO).resolve("/runs"),
                Map.of("conditions", List.of("context-free", "static-3"), "limit", 5));
        String runId = run.path("id").asText();
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> "COMPLETED"
                        .equals(client.get(platform.url(ServiceSpec.SCENARIO).resolve("/runs/" + runId))
                                .path("status")
                                .asText()));
        Path recording = dir().resolve(runId + ".jsonl");

        Result recorded = penguin("record", "--run", runId, "--bootstrap-servers", kafka, "-o", recording.toString());

        assertThat(recorded.exitCode()).isZero();
        assertThat(recorded.output()).contains("Recorded 10 work items of run " + runId);
        List<RecordedItem> items = Recording.read(recording);
        assertThat(items).hasSize(10);
        assertThat(items.get(0).offsetMillis()).isZero();
        assertThat(items).extracting(RecordedItem::condition).containsOnly("context-free", "static-3");
        assertThat(items).extracting(RecordedItem::judgeModel).containsOnly("reference-judge");
        assertThat(items.stream().map(item -> item.scenario().id()).distinct()).hasSize(5);
    }

    @Test
    void anItemTheModelFailsIsCountedAsDeadLetteredWithItsReason() throws Exception {
        Path recording = dir().resolve("two-items.jsonl");
        Scenario scenario = BuiltinScenarios.all().get(0);
        List<RecordedItem> two = List.of(
                new RecordedItem(0, scenario, "single:Gender", "reference", "reference-judge", List.of()),
                new RecordedItem(1_000, scenario, "single:Profession", "reference", "reference-judge", List.of()));
        Recording.write(recording, two);
        // the first item's call fails on its attempt and on its one retry (the platform's fake allows one)
        SharedPlatform.fakeLlm().enqueue(FakeReply.status(500), FakeReply.status(500));

        Result replayed = penguin(
                "replay",
                recording.toString(),
                "--bootstrap-servers",
                kafka,
                "--model",
                SharedPlatform.FAKE_MODEL,
                "--drain-timeout",
                "2m",
                "--quiet");

        assertThat(replayed.exitCode()).isEqualTo(2);
        assertThat(replayed.output())
                .contains("sent 2 in")
                .contains("judged 1 (")
                .contains("dead-lettered 1;")
                .contains("dead-lettered on penguin.generation.requests.dlq: 1")
                .contains("generation failed");
    }

    @Test
    void itemsThatBecomeTheSameWorkItemUnderAnotherModelAreReplayedOnce() throws Exception {
        Path recording = dir().resolve("two-models.jsonl");
        List<RecordedItem> items = new java.util.ArrayList<>();
        for (Scenario scenario : BuiltinScenarios.all().subList(2, 4)) {
            for (String model : List.of("reference", "reference-brief")) {
                items.add(new RecordedItem(
                        items.size() * 100L, scenario, "context-free", model, "reference-judge", List.of()));
            }
        }
        Recording.write(recording, items);

        Result replayed = penguin(
                "replay",
                recording.toString(),
                "--bootstrap-servers",
                kafka,
                "--model",
                SharedPlatform.FAKE_MODEL,
                "--drain-timeout",
                "2m",
                "--quiet");

        assertThat(replayed.exitCode()).isZero();
        assertThat(replayed.output())
                .contains("2 recorded items repeat another's scenario, condition and model: replayed once")
                .contains("sent 2 in")
                .contains("judged 2 (")
                .doesNotContain("duplicates");
    }

    private static long sum(JsonNode seconds, String field) {
        return StreamSupport.stream(seconds.spliterator(), false)
                .mapToLong(second -> second.path(field).asLong())
                .sum();
    }
}
