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
import io.penguin.contracts.Topics;
import io.penguin.core.BuiltinScenarios;
import io.penguin.core.RubricScores;
import io.penguin.core.Scenario;
import io.penguin.embedded.Liveness;
import io.penguin.embedded.TopicClient;
import io.penguin.service.messaging.DeadLetters;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(EmbeddedKafkaAndPostgres.class)
class RunResourceTest {

    private final TopicClient topics = TopicClient.shared();

    /** Writes judgements to penguin.judgements, as judge-service does. */
    private final class Judgements {
        void send(String json) {
            topics.send(Topics.JUDGEMENTS, "key", json);
        }
    }

    private final Judgements judgements = new Judgements();

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

    private List<ConsumerRecord<String, String>> records(String topic, String runId, int expected) {
        return topics.read(topic, record -> record.value().contains(runId), expected, Liveness.PATIENCE);
    }

    private List<ConsumerRecord<String, String>> records(String runId, int expected) {
        return records(Topics.GENERATION_REQUESTS, runId, expected);
    }

    /** The work items of a run on a topic. */
    private List<GenerationRequested> published(String topic, String runId, int expected) {
        return records(topic, runId, expected).stream()
                .map(record -> Events.decode(record.value(), GenerationRequested.class))
                .toList();
    }

    private List<GenerationRequested> published(String runId, int expected) {
        return published(Topics.GENERATION_REQUESTS, runId, expected);
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
        List<ConsumerRecord<String, String>> records = records(runId, 28);
        assertThat(records).hasSize(28);
        records.forEach(record -> assertThat(record.key())
                .isEqualTo(Events.decode(record.value(), GenerationRequested.class)
                        .scenario()
                        .id()));
        assertThat(published(runId, 28).stream()
                        .map(item -> item.item().condition())
                        .distinct())
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
        List<GenerationRequested> items = published(runId, 2);
        assertThat(items).hasSize(2);
        judgements.send(judgementOf(items.get(0)));
        judgements.send(judgementOf(items.get(0)));
        await().atMost(Liveness.PATIENCE)
                .until(() -> given().get("/runs/{id}", runId).path("judged").equals(1));
        given().get("/runs/{id}", runId)
                .then()
                .body("status", equalTo("RUNNING"))
                .body("pending", equalTo(1));
        judgements.send("not json at all");
        judgements.send(judgementOf(items.get(1)));
        await().atMost(Liveness.PATIENCE)
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
        String runId = startRun("{\"conditions\":[\"context-free\"]}");
        assertThat(published(runId, 14).stream().map(item -> item.scenario().id()))
                .containsExactlyInAnyOrderElementsOf(
                        BuiltinScenarios.all().stream().map(Scenario::id).toList());
    }

    private static String judgementOf(GenerationRequested item, String judge) {
        return Events.encode(JudgementRecorded.of(
                UUID.randomUUID(),
                Instant.now(),
                item.item(),
                item.scenario().domain(),
                judge,
                new RubricScores(4, 4, 4),
                true,
                new ModelUsage(judge, "reference", 1, 1, 1)));
    }

    /** Dead-letters a work item as generation-service does after the endpoint's retry budget. */
    private void deadLetter(GenerationRequested item, String reason) {
        topics.send(
                Topics.dlq(Topics.GENERATION_REQUESTS),
                item.key(),
                Map.of(DeadLetters.REASON, reason),
                Events.encode(item));
    }

    @Test
    void expandsAllSinglesRandomThreeAndASeededBestThreeSample() {
        String body = "{\"conditions\":[\"single:*\",\"random-3\",\"best-3\"],\"domains\":[\"Health\"],"
                + "\"best3Sample\":1,\"seed\":7}";
        String runId = startRun(body);
        // 2 Health scenarios: 10 singles + 1 random-3 each, and 120 best-3 triples for the one sampled scenario.
        int expected = 2 * 10 + 2 + 120;
        List<GenerationRequested> items = published(runId, expected);
        assertThat(items).hasSize(expected);
        assertThat(items.stream().filter(item -> item.item().condition().startsWith("best-3:")))
                .hasSize(120)
                .extracting(item -> item.scenario().id())
                .containsOnly(items.stream()
                        .filter(item -> item.item().condition().startsWith("best-3:"))
                        .findFirst()
                        .orElseThrow()
                        .scenario()
                        .id());
        assertThat(items.stream().filter(item -> item.item().condition().startsWith("random-3:")))
                .hasSize(2);
        given().get("/runs/{id}", runId)
                .then()
                .body("total", equalTo(expected))
                .body("seed", equalTo(7))
                .body("conditions", org.hamcrest.Matchers.contains("single:*", "random-3", "best-3"));
    }

    @Test
    void agentAndPlannerItemsGoToTheAgentRequestsAndTheOtherConditionsToGenerationRequests() {
        String runId = startRun("{\"conditions\":[\"context-free\",\"agent\",\"planner\"],\"domains\":[\"Health\"]}");

        List<GenerationRequested> agentItems = published(Topics.AGENT_REQUESTS, runId, 4);
        List<GenerationRequested> generationItems = published(Topics.GENERATION_REQUESTS, runId, 2);

        assertThat(agentItems)
                .hasSize(4)
                .extracting(item -> item.item().condition())
                .containsOnly("agent", "planner");
        assertThat(agentItems.stream().filter(item -> item.item().condition().equals("planner")))
                .extracting(item -> item.scenario().id())
                .containsExactlyInAnyOrderElementsOf(generationItems.stream()
                        .map(item -> item.scenario().id())
                        .toList());
        assertThat(agentItems)
                .as("the session's hidden user is the scenario's full profile")
                .allSatisfy(item -> assertThat(item.scenario().profile().all()).hasSize(10));
        assertThat(generationItems)
                .hasSize(2)
                .extracting(item -> item.item().condition())
                .containsOnly("context-free");
        given().get("/runs/{id}", runId)
                .then()
                .statusCode(200)
                .body("status", equalTo("RUNNING"))
                .body("total", equalTo(6))
                .body("conditions", org.hamcrest.Matchers.contains("context-free", "agent", "planner"));
    }

    @Test
    void aDeadLetteredAgentSessionFailsAtTheAgentStageAndIsRedrivenToTheAgentGateway() {
        String runId = startRun("{\"conditions\":[\"planner\"],\"domains\":[\"Health\"]}");
        List<GenerationRequested> items = published(Topics.AGENT_REQUESTS, runId, 2);
        assertThat(items).hasSize(2);
        judgements.send(judgementOf(items.get(0)));
        topics.send(
                Topics.dlq(Topics.AGENT_REQUESTS),
                items.get(1).key(),
                Map.of(DeadLetters.REASON, "agent session failed: user simulator unavailable"),
                Events.encode(items.get(1)));

        await().atMost(Liveness.PATIENCE)
                .until(() -> given().get("/runs/{id}", runId).path("status").equals("COMPLETED"));
        given().get("/runs/{id}/failures", runId)
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].scenarioId", equalTo(items.get(1).scenario().id()))
                .body("[0].stage", equalTo("agent"))
                .body("[0].reason", containsString("agent session failed"));

        given().post("/runs/{id}/redrive", runId).then().statusCode(200).body("republished", equalTo(1));
        List<GenerationRequested> again = published(Topics.AGENT_REQUESTS, runId, 3);
        assertThat(again).hasSize(3);
        assertThat(again.get(2).item()).isEqualTo(items.get(1).item());
        assertThat(topics.readAll(
                        Topics.GENERATION_REQUESTS, record -> record.value().contains(runId)))
                .as("nothing of an agent-only run goes to generation-service")
                .isEmpty();
    }

    @Test
    void deadLetteredItemsCountAsFailedWithReasonsAndARedriveCompletesTheRun() {
        String runId = startRun("{\"conditions\":[\"context-rich\"],\"domains\":[\"Health\"],"
                + "\"panelJudges\":[\"reference-judge-strict\"]}");
        List<GenerationRequested> items = published(runId, 2);
        assertThat(items).allSatisfy(item -> assertThat(item.panelJudges()).containsExactly("reference-judge-strict"));
        judgements.send(judgementOf(items.get(0), "reference-judge-strict"));
        judgements.send(judgementOf(items.get(0)));
        deadLetter(items.get(1), "generation failed: HTTP 503 after 5 attempts");

        await().atMost(Liveness.PATIENCE)
                .until(() -> given().get("/runs/{id}", runId).path("status").equals("COMPLETED"));
        given().get("/runs/{id}", runId)
                .then()
                .body("judged", equalTo(1))
                .body("failed", equalTo(1))
                .body("pending", equalTo(0));
        given().get("/runs/{id}/failures", runId)
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].scenarioId", equalTo(items.get(1).scenario().id()))
                .body("[0].stage", equalTo("generation"))
                .body("[0].reason", containsString("HTTP 503"))
                .body("[0].attempts", equalTo(1));

        given().post("/runs/{id}/redrive", runId).then().statusCode(200).body("republished", equalTo(1));
        List<GenerationRequested> again = published(runId, 3);
        assertThat(again).hasSize(3);
        given().get("/runs/{id}", runId)
                .then()
                .body("status", equalTo("RUNNING"))
                .body("pending", equalTo(1));
        judgements.send(judgementOf(again.get(2)));
        await().atMost(Liveness.PATIENCE)
                .until(() -> given().get("/runs/{id}", runId).path("status").equals("COMPLETED"));
        given().get("/runs/{id}", runId).then().body("judged", equalTo(2)).body("failed", equalTo(0));
    }
}
