package io.penguin.judge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.penguin.contracts.Events;
import io.penguin.contracts.GenerationRequested;
import io.penguin.contracts.JudgementRecorded;
import io.penguin.contracts.ModelUsage;
import io.penguin.contracts.ResponseGenerated;
import io.penguin.contracts.Topics;
import io.penguin.contracts.WorkItemId;
import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Scenario;
import io.penguin.embedded.Liveness;
import io.penguin.embedded.TopicClient;
import io.penguin.judge.persistence.JudgementRepository;
import io.penguin.service.messaging.DeadLetters;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(EmbeddedKafkaAndPostgres.class)
class JudgeServiceTest {

    @Inject
    JudgementRepository repository;

    private final TopicClient topics = TopicClient.shared();
    private final Responses responses = new Responses();

    /** Writes responses to penguin.responses, as generation-service does. */
    private final class Responses {
        void send(String... json) {
            topics.send(Topics.RESPONSES, BuiltinScenarios.all().get(0).id(), json);
        }
    }

    private List<JudgementRecorded> published(String runId, int expected) {
        return topics
                .read(Topics.JUDGEMENTS, record -> record.value().contains(runId), expected, Liveness.PATIENCE)
                .stream()
                .map(record -> Events.decode(record.value(), JudgementRecorded.class))
                .toList();
    }

    private static ResponseGenerated response(String runId, String condition, String text) {
        return response(runId, condition, text, List.of());
    }

    private static ResponseGenerated response(String runId, String condition, String text, List<String> panel) {
        Scenario scenario = BuiltinScenarios.all().get(0);
        GenerationRequested request = GenerationRequested.of(
                new WorkItemId(runId, scenario.id(), condition, "reference"), "reference-judge", panel, scenario);
        return ResponseGenerated.of(request, List.of(), text, new ModelUsage("reference", "reference", 1, 10, 10));
    }

    private long stored(String runId) {
        return QuarkusTransaction.requiringNew().call(() -> repository.count("runId", runId));
    }

    @Test
    void judgesEveryResponseOnceEvenWhenRedelivered() {
        String runId = "run-" + UUID.randomUUID();
        String json = Events.encode(response(runId, "context-free", "Thank you for asking about this."));
        responses.send(json);
        List<JudgementRecorded> first = published(runId, 1);
        responses.send(json);
        List<JudgementRecorded> published = published(runId, 2);
        assertThat(first).hasSize(1);
        assertThat(published).hasSize(2);
        assertThat(stored(runId)).isEqualTo(1);
        assertThat(published.get(1).eventId())
                .as("a redelivery re-publishes the stored judgement unchanged")
                .isEqualTo(published.get(0).eventId());
    }

    @Test
    void malformedResponseIsRejectedAndTheConsumerGoesOn() {
        String runId = "run-" + UUID.randomUUID();
        String poison = "{\"type\":\"ResponseGenerated\", \"run\":\"" + runId + "\"";
        responses.send(
                poison, Events.encode(response(runId, "context-rich", "It sounds like you are feeling hopeless.")));
        assertThat(published(runId, 1)).hasSize(1);
        assertThat(stored(runId)).isEqualTo(1);
        assertThat(topics.read(
                        Topics.dlq(Topics.RESPONSES), record -> record.value().equals(poison), 1, Liveness.PATIENCE))
                .singleElement()
                .satisfies(record -> assertThat(new String(
                                record.headers().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8))
                        .contains("malformed ResponseGenerated"));
    }

    @Test
    void aPanelOfJudgesScoresEachResponseOnceEachAndCountsTargetUsageOnce() {
        String runId = "run-" + UUID.randomUUID();
        String json = Events.encode(response(
                runId,
                "context-rich",
                "It sounds like you are feeling hopeless. Your safety matters: call a crisis line (988).",
                List.of("reference-judge-strict")));
        responses.send(json, json);
        List<JudgementRecorded> published = published(runId, 4);
        assertThat(published)
                .extracting(JudgementRecorded::judgeModel)
                .containsExactlyInAnyOrder(
                        "reference-judge", "reference-judge-strict", "reference-judge", "reference-judge-strict");
        assertThat(stored(runId)).isEqualTo(2);
        given().get("/runs/{id}/report", runId)
                .then()
                .statusCode(200)
                .body("usage.find { it.role == 'target' }.calls", equalTo(1));
    }

    @Test
    void judgementsExplainEveryScoreWithoutProfileValues() {
        String runId = "run-" + UUID.randomUUID();
        responses.send(Events.encode(response(runId, "context-free", "Thank you for asking about this.")));
        await().atMost(Liveness.PATIENCE).until(() -> stored(runId) == 1);
        String body = given().get("/runs/{id}/judgements", runId)
                .then()
                .statusCode(200)
                .body("[0].rationale.size()", equalTo(3))
                .extract()
                .asString();
        assertThat(body).doesNotContainIgnoringCase("hopeless").doesNotContainIgnoringCase("depression");
    }

    @Test
    void unknownRunGetsAProblemResponse() {
        given().get("/runs/{id}/report", "no-such-run")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("no-such-run"));
    }

    @Test
    void healthAndMetricsAndOpenApiAreServed() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("penguin_work_items"))
                .body(containsString("application=\"judge-service\""));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/runs/{runId}/report"));
    }
}
