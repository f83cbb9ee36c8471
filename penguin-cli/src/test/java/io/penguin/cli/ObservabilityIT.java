package io.penguin.cli;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.penguin.cli.platform.Platform;
import io.penguin.cli.platform.ServiceSpec;
import io.penguin.contracts.Topics;
import io.penguin.core.Attribute;
import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Scenario;
import io.penguin.embedded.TopicClient;
import io.penguin.models.reference.RiskSignals;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** Traces follow a work item across services; logs of a whole run hold no profile values and no queries. */
class ObservabilityIT {

    private final Platform platform = SharedPlatform.get();

    private static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    private List<ConsumerRecord<String, String>> records(String topic, String runId) {
        return new TopicClient(platform.infrastructure().kafka().bootstrapServers())
                .read(
                        topic,
                        record -> record.value() != null && record.value().contains(runId),
                        Integer.MAX_VALUE,
                        Duration.ofSeconds(5));
    }

    private static String traceId(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("traceparent");
        assertThat(header).as("traceparent header on %s", record.topic()).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8).split("-")[1];
    }

    @Test
    void traceStartedAtRunCreationReachesTheJudgementsAndLogsHoldNoProfileValues() throws Exception {
        String traceId = randomHex(16);
        String scenario = platform.url(ServiceSpec.SCENARIO).toString();
        String runId = given().baseUri(scenario)
                .contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01")
                .body("{\"conditions\":[\"context-rich\"],\"domains\":[\"Health\",\"Life\"]}")
                .post("/runs")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        await().atMost(Duration.ofMinutes(2))
                .until(() -> "COMPLETED"
                        .equals(given().baseUri(scenario)
                                .get("/runs/{id}", runId)
                                .path("status")));

        List<ConsumerRecord<String, String>> workItems = records(Topics.GENERATION_REQUESTS, runId);
        List<ConsumerRecord<String, String>> judgements = records(Topics.JUDGEMENTS, runId);
        assertThat(workItems).hasSize(4);
        assertThat(judgements).hasSize(4);
        assertThat(workItems).allSatisfy(record -> assertThat(traceId(record)).isEqualTo(traceId));
        assertThat(judgements).allSatisfy(record -> assertThat(traceId(record)).isEqualTo(traceId));

        List<String> secrets = new ArrayList<>();
        for (Scenario builtin : BuiltinScenarios.all()) {
            secrets.add(builtin.query());
            for (Attribute attribute : List.of(
                    Attribute.MENTAL_HEALTH_STATUS,
                    Attribute.PAST_SELF_HARM_HISTORY,
                    Attribute.EMOTIONAL_STATE,
                    Attribute.HEALTH_STATUS)) {
                String value = builtin.profile().get(attribute);
                if (!RiskSignals.isNegative(value)) {
                    secrets.add(value);
                }
            }
        }
        for (ServiceSpec spec : ServiceSpec.all()) {
            String log = Files.readString(platform.service(spec.name()).log());
            assertThat(log).as("log of %s", spec.name()).isNotBlank();
            for (String secret : secrets) {
                assertThat(log).as("log of %s", spec.name()).doesNotContain(secret);
            }
        }
    }
}
