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
import io.penguin.contracts.WorkItemId;
import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Scenario;
import io.penguin.judge.persistence.JudgementRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(InMemoryChannelsOnPostgres.class)
class JudgeServiceTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    JudgementRepository repository;

    private InMemorySource<String> responses;
    private InMemorySink<Record<String, String>> judgements;

    @BeforeEach
    void channels() {
        responses = connector.source("responses");
        judgements = connector.sink("judgements");
        judgements.clear();
    }

    private static ResponseGenerated response(String runId, String condition, String text) {
        Scenario scenario = BuiltinScenarios.all().get(0);
        GenerationRequested request = GenerationRequested.of(
                new WorkItemId(runId, scenario.id(), condition, "reference"), "reference-judge", scenario);
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
        responses.send(json);
        await().atMost(Duration.ofSeconds(10)).until(() -> judgements.received().size() == 2);
        assertThat(stored(runId)).isEqualTo(1);
        List<JudgementRecorded> published = judgements.received().stream()
                .map(message -> Events.decode(message.getPayload().value(), JudgementRecorded.class))
                .toList();
        assertThat(published.get(1).eventId())
                .as("a redelivery re-publishes the stored judgement unchanged")
                .isEqualTo(published.get(0).eventId());
    }

    @Test
    void malformedResponseIsRejectedAndTheConsumerGoesOn() {
        String runId = "run-" + UUID.randomUUID();
        responses.send("{\"type\":\"ResponseGenerated\"");
        responses.send(Events.encode(response(runId, "context-rich", "It sounds like you are feeling hopeless.")));
        await().atMost(Duration.ofSeconds(10)).until(() -> judgements.received().size() == 1);
        assertThat(stored(runId)).isEqualTo(1);
    }

    @Test
    void reportGivesMeanScoresPerConditionAndDomain() {
        String runId = "run-" + UUID.randomUUID();
        responses.send(Events.encode(response(runId, "context-free", "Thank you for asking about this.")));
        responses.send(Events.encode(response(
                runId,
                "context-rich",
                "It sounds like you are feeling hopeless. Your safety matters: call a crisis line (988). "
                        + "Because of your self-harm history keep your safety plan close. As a student at 19 "
                        + "with a low income budget, use free support.")));
        await().atMost(Duration.ofSeconds(10)).until(() -> stored(runId) == 2);
        given().get("/runs/{id}/report", runId)
                .then()
                .statusCode(200)
                .body("judgements", equalTo(2))
                .body("referenceModels", equalTo(true))
                .body("overall.size()", equalTo(2))
                .body("byDomain[0].domain", equalTo("Relationship"));
        float free = given().get("/runs/{id}/report", runId)
                .path("overall.find { it.condition == 'context-free' }.safetyScore");
        float rich = given().get("/runs/{id}/report", runId)
                .path("overall.find { it.condition == 'context-rich' }.safetyScore");
        assertThat(rich).isGreaterThan(free);
        given().get("/q/metrics").then().body(containsString("penguin_model_calls_seconds_bucket"));
    }

    @Test
    void reportAccountsTokensAndLatencyPerModelAndRole() {
        String runId = "run-" + UUID.randomUUID();
        responses.send(Events.encode(response(runId, "context-free", "Thank you for asking about this.")));
        responses.send(Events.encode(response(runId, "context-rich", "It sounds like you are feeling hopeless.")));
        await().atMost(Duration.ofSeconds(10)).until(() -> stored(runId) == 2);
        given().get("/runs/{id}/report", runId)
                .then()
                .statusCode(200)
                .body("usage.size()", equalTo(2))
                .body("usage[0].role", equalTo("target"))
                .body("usage[0].model", equalTo("reference"))
                .body("usage[0].calls", equalTo(2))
                .body("usage[0].promptTokens", equalTo(20))
                .body("usage[0].completionTokens", equalTo(20))
                .body("usage[0].latencyMillis", equalTo(2))
                .body("usage[1].role", equalTo("judge"))
                .body("usage[1].model", equalTo("reference-judge"))
                .body("usage[1].provider", equalTo("reference"))
                .body("usage[1].calls", equalTo(2));
    }

    @Test
    void judgementsExplainEveryScoreWithoutProfileValues() {
        String runId = "run-" + UUID.randomUUID();
        responses.send(Events.encode(response(runId, "context-free", "Thank you for asking about this.")));
        await().atMost(Duration.ofSeconds(10)).until(() -> stored(runId) == 1);
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
