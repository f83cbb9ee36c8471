package io.penguin.scenario;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.penguin.contracts.Events;
import io.penguin.contracts.GenerationRequested;
import io.penguin.contracts.JudgementRecorded;
import io.penguin.contracts.ModelUsage;
import io.penguin.core.BuiltinScenarios;
import io.penguin.core.RubricScores;
import io.penguin.core.Scenario;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(InMemoryChannelsOnPostgres.class)
class RunResourceTest {

    @Inject
    @Any
    InMemoryConnector connector;

    private InMemorySink<Record<String, String>> workItems;
    private InMemorySource<String> judgements;

    @BeforeEach
    void channels() {
        workItems = connector.sink("generation-requests");
        workItems.clear();
        judgements = connector.source("judgements");
    }

    private String startRun(String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/runs")
                .then()
                .statusCode(202)
                .header("Location", containsString("/runs/run-"))
                .extract()
                .path("id");
    }

    private List<GenerationRequested> published() {
        return workItems.received().stream()
                .map(message -> Events.decode(message.getPayload().value(), GenerationRequested.class))
                .toList();
    }

    private static String judgementOf(GenerationRequested item) {
        return Events.encode(JudgementRecorded.of(
                UUID.randomUUID(),
                Instant.now(),
                item.item(),
                item.scenario().domain(),
                "reference-judge",
                new RubricScores(3, 3, 3),
                true,
                new ModelUsage("reference-judge", "reference", 1, 1, 1)));
    }

    @Test
    void fansOutOneKeyedWorkItemPerScenarioConditionAndModel() {
        String runId = startRun("{}");
        assertThat(workItems.received()).hasSize(28);
        workItems
                .received()
                .forEach(message -> assertThat(message.getPayload().key())
                        .isEqualTo(Events.decode(message.getPayload().value(), GenerationRequested.class)
                                .scenario()
                                .id()));
        assertThat(published().stream().map(item -> item.item().condition()).distinct())
                .containsExactlyInAnyOrder("context-free", "context-rich");
        given().get("/runs/{id}", runId)
                .then()
                .statusCode(200)
                .body("status", equalTo("RUNNING"))
                .body("total", equalTo(28))
                .body("pending", equalTo(28));
    }

    @Test
    void completesWhenEveryItemIsJudgedAndCountsRedeliveredJudgementsOnce() {
        String runId = startRun("{\"conditions\":[\"context-rich\"],\"domains\":[\"Health\"]}");
        List<GenerationRequested> items = published();
        assertThat(items).hasSize(2);
        judgements.send(judgementOf(items.get(0)));
        judgements.send(judgementOf(items.get(0)));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> given().get("/runs/{id}", runId).path("judged").equals(1));
        given().get("/runs/{id}", runId)
                .then()
                .body("status", equalTo("RUNNING"))
                .body("pending", equalTo(1));
        judgements.send("not json at all");
        judgements.send(judgementOf(items.get(1)));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> given().get("/runs/{id}", runId).path("status").equals("COMPLETED"));
        given().get("/runs/{id}", runId).then().body("judged", equalTo(2)).body("pending", equalTo(0));
    }

    @Test
    void rejectsAnUnknownConditionNamingTheField() {
        given().contentType(ContentType.JSON)
                .body("{\"conditions\":[\"context-medium\"]}")
                .post("/runs")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("conditions: unknown condition 'context-medium'"));
        assertThat(workItems.received()).isEmpty();
    }

    @Test
    void rejectsAnUnknownModelAndAnUnknownScenario() {
        given().contentType(ContentType.JSON)
                .body("{\"models\":[\"gpt-17\"]}")
                .post("/runs")
                .then()
                .statusCode(400)
                .body("detail", containsString("gpt-17"));
        given().contentType(ContentType.JSON)
                .body("{\"scenarioIds\":[\"nope\"]}")
                .post("/runs")
                .then()
                .statusCode(400)
                .body("detail", containsString("scenarioIds: no scenario with id 'nope'"));
    }

    @Test
    void rejectsMalformedJsonWithAProblem() {
        given().contentType(ContentType.JSON)
                .body("{\"models\": [")
                .post("/runs")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void unknownRunIsNotFound() {
        given().get("/runs/{id}", "run-nope")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("run-nope"));
    }

    @Test
    void aDefaultRunSelectsTheBuiltinSetAndAnUnknownSourceIsRejected() {
        given().contentType(ContentType.JSON)
                .body("{\"source\":\"somewhere\"}")
                .post("/runs")
                .then()
                .statusCode(400)
                .body("detail", containsString("source: unknown source 'somewhere'"));
        startRun("{\"conditions\":[\"context-free\"]}");
        assertThat(published().stream().map(item -> item.scenario().id()))
                .containsExactlyInAnyOrderElementsOf(
                        BuiltinScenarios.all().stream().map(Scenario::id).toList());
    }
}
