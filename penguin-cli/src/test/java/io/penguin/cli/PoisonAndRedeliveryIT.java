package io.penguin.cli;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.penguin.cli.platform.Platform;
import io.penguin.cli.platform.ServiceSpec;
import io.penguin.contracts.Events;
import io.penguin.contracts.GenerationRequested;
import io.penguin.contracts.Topics;
import io.penguin.contracts.WorkItemId;
import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Scenario;
import io.penguin.embedded.Liveness;
import io.penguin.embedded.TopicClient;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** Redelivered work and poison records, through the real broker into the real database. */
class PoisonAndRedeliveryIT {

    private final Platform platform = SharedPlatform.get();

    private String bootstrap() {
        return platform.infrastructure().kafka().bootstrapServers();
    }

    private void send(String topic, String key, String value) {
        new TopicClient(bootstrap()).send(topic, key, value);
    }

    private long judgements(String runId, String condition) throws Exception {
        try (Connection connection = platform.infrastructure()
                        .postgres()
                        .dataSource("penguin_judge")
                        .getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select count(*) from judgement where run_id = ? and (cast(? as varchar) is null or condition_id = ?)")) {
            query.setString(1, runId);
            query.setString(2, condition);
            query.setString(3, condition);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** The dead letters holding this value, once the first is there, and any copy written before it. */
    private List<ConsumerRecord<String, String>> deadLetters(String topic, String value) {
        return new TopicClient(bootstrap()).read(topic, record -> value.equals(record.value()), 1, Liveness.PATIENCE);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void sameWorkItemTwiceGivesOneJudgementAndPoisonRecordsGoToTheDeadLetterTopics() throws Exception {
        Scenario scenario = BuiltinScenarios.all().get(3);
        String runId = "it-redelivery-" + UUID.randomUUID();
        String workItem = Events.encode(GenerationRequested.of(
                new WorkItemId(runId, scenario.id(), "context-rich", "reference"), "reference-judge", scenario));
        String sentinel = Events.encode(GenerationRequested.of(
                new WorkItemId(runId, scenario.id(), "context-free", "reference"), "reference-judge", scenario));
        String poison = "{\"type\":\"ResponseGenerated\", \"marker\":\"" + runId + "\"";

        send(Topics.GENERATION_REQUESTS, scenario.id(), workItem);
        send(Topics.GENERATION_REQUESTS, scenario.id(), workItem);
        send(Topics.GENERATION_REQUESTS, scenario.id(), "not a work item " + runId);
        send(Topics.RESPONSES, scenario.id(), poison);
        send(Topics.GENERATION_REQUESTS, scenario.id(), sentinel);

        // Items finish in any order (the consumers are pipelined), so the sentinel being judged does not mean the
        // items before it are: wait for both. Both deliveries of the duplicated item were in flight by then.
        await().atMost(Duration.ofMinutes(1))
                .until(() -> judgements(runId, "context-free") == 1 && judgements(runId, "context-rich") >= 1);
        assertThat(judgements(runId, "context-rich"))
                .as("the duplicated work item")
                .isEqualTo(1);
        assertThat(judgements(runId, null)).isEqualTo(2);

        List<ConsumerRecord<String, String>> responseDeadLetters = deadLetters(Topics.dlq(Topics.RESPONSES), poison);
        assertThat(responseDeadLetters)
                .singleElement()
                .satisfies(record ->
                        assertThat(header(record, "dead-letter-reason")).contains("malformed ResponseGenerated"));
        assertThat(deadLetters(Topics.dlq(Topics.GENERATION_REQUESTS), "not a work item " + runId))
                .singleElement()
                .satisfies(record ->
                        assertThat(header(record, "dead-letter-reason")).contains("malformed GenerationRequested"));

        for (String service : List.of(ServiceSpec.GENERATION, ServiceSpec.JUDGE)) {
            assertThat(platform.service(service).isAlive()).isTrue();
            given().baseUri(platform.url(service).toString())
                    .get("/q/health/ready")
                    .then()
                    .statusCode(200);
        }
    }
}
