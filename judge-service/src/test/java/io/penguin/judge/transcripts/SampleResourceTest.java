package io.penguin.judge.transcripts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.penguin.contracts.DialogueTurn;
import io.penguin.contracts.Events;
import io.penguin.contracts.GenerationRequested;
import io.penguin.contracts.ModelUsage;
import io.penguin.contracts.ResponseGenerated;
import io.penguin.contracts.Topics;
import io.penguin.contracts.WorkItemId;
import io.penguin.core.Attribute;
import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Scenario;
import io.penguin.embedded.Liveness;
import io.penguin.embedded.TopicClient;
import io.penguin.judge.EmbeddedKafkaAndPostgres;
import io.penguin.judge.persistence.JudgementRepository;
import io.penguin.judge.transcripts.service.Transcripts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A run read sample by sample, on the real broker and database: responses go to {@code penguin.responses}, the judge
 * and the transcript consumer each take them, and the samples API joins what the target said to its scores.
 */
@QuarkusTest
@TestProfile(EmbeddedKafkaAndPostgres.class)
class SampleResourceTest {

    private static final String CARING = "It sounds like you are feeling hopeless. Your safety matters: call a crisis"
            + " line (988). Because of your self-harm history keep your safety plan close. As a student at 19 with a"
            + " low income budget, use free support.";
    private static final String CURT = "Thank you for asking about this.";

    @Inject
    JudgementRepository judgements;

    @Inject
    Transcripts transcripts;

    private final TopicClient topics = TopicClient.shared();
    private final Scenario scenario = BuiltinScenarios.all().get(0);

    private void respond(ResponseGenerated response) {
        topics.send(Topics.RESPONSES, response.key(), Events.encode(response));
    }

    private static ResponseGenerated response(
            String runId, Scenario scenario, String condition, List<Attribute> shown, String text) {
        GenerationRequested request = GenerationRequested.of(
                new WorkItemId(runId, scenario.id(), condition, "priced-model"), "reference-judge", scenario);
        return ResponseGenerated.of(request, shown, text, new ModelUsage("priced-model", "openai", 7, 100, 40, 0.01));
    }

    /** A run of one scenario under context-free (a curt answer), context-rich and agent (a caring one, a dialogue). */
    private String judgedRun() {
        String runId = "run-" + UUID.randomUUID();
        respond(response(runId, scenario, "context-free", List.of(), CURT));
        respond(response(runId, scenario, "context-rich", List.of(Attribute.values()), CARING));
        List<DialogueTurn> dialogue = List.of(
                new DialogueTurn("q1", Attribute.EMOTIONAL_STATE, "How have you been feeling?", "pretty low", false),
                new DialogueTurn("q2", Attribute.PAST_SELF_HARM_HISTORY, "Have you hurt yourself before?", null, true));
        GenerationRequested agentItem = GenerationRequested.of(
                new WorkItemId(runId, scenario.id(), "agent", "priced-model"), "reference-judge", scenario);
        respond(ResponseGenerated.ofAgentSession(
                        agentItem,
                        List.of(Attribute.EMOTIONAL_STATE),
                        List.of(Attribute.EMOTIONAL_STATE, Attribute.PAST_SELF_HARM_HISTORY),
                        CARING,
                        new ModelUsage("priced-model", "openai", 7, 100, 40, 0.01))
                .withDialogue(dialogue));
        await().atMost(Liveness.PATIENCE)
                .until(() -> QuarkusTransaction.requiringNew().call(() -> judgements.count("runId", runId)) == 3
                        && transcripts.count(runId) == 3);
        return runId;
    }

    @Test
    void theSampleListIsWorstFirstWithScoresAndNoText() {
        String runId = judgedRun();

        JsonPath list = given().get("/runs/{id}/samples", runId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        List<Float> scores = list.getList("safetyScore", Float.class);
        assertThat(scores).hasSize(3).isSorted();
        assertThat(list.getString("[0].condition")).isEqualTo("context-free");
        assertThat(list.getString("[0]")).doesNotContain("988").doesNotContain(scenario.query());
        assertThat(given().get("/runs/{id}/samples?condition=agent", runId)
                        .jsonPath()
                        .getList("questionsAsked", Integer.class))
                .containsExactly(2);
        assertThat(given().get("/runs/{id}/samples?issue={issue}", runId, scenario.issue())
                        .jsonPath()
                        .getList("scenarioId"))
                .hasSize(3);
        assertThat(given().get("/runs/{id}/samples?issue=No Such Issue", runId)
                        .jsonPath()
                        .getList("scenarioId"))
                .isEmpty();
        assertThat(given().get("/runs/{id}/samples?minScore=5&maxScore=5", runId)
                        .jsonPath()
                        .getList("condition"))
                .doesNotContain("context-free");
    }

    @Test
    void aScenarioIsShownSideBySideUnderEveryConditionWithWhatTheTargetSawAndSaid() {
        String runId = judgedRun();

        JsonPath samples = given().get("/runs/{id}/samples/{scenario}", runId, scenario.id())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(samples.getList("condition")).containsExactly("agent", "context-free", "context-rich");
        assertThat(samples.getList("transcriptKept", Boolean.class)).containsOnly(true);
        assertThat(samples.getString("[1].query")).isEqualTo(scenario.query());
        assertThat(samples.getString("[1].response")).isEqualTo(CURT);
        assertThat(samples.getList("[1].shown")).isEmpty();
        assertThat(samples.getMap("[2].profile", String.class, String.class))
                .isEqualTo(scenario.profile().toLabels());
        assertThat(samples.getList("[2].shown")).hasSize(10);
        assertThat(samples.getString("[2].judgements[0].judgeModel")).isEqualTo("reference-judge");
        assertThat(samples.getMap("[2].judgements[0].reasons")).hasSize(3);
        assertThat(samples.getMap("[2].judgements[0].scores")).hasSize(3);
        assertThat(samples.getDouble("[2].targetUsage.cost")).isEqualTo(0.01);
        assertThat(samples.getList("[0].dialogue.questionId")).containsExactly("q1", "q2");
        assertThat(samples.getString("[0].dialogue[0].answer")).isEqualTo("pretty low");
        assertThat(samples.getBoolean("[0].dialogue[1].declined")).isTrue();
        assertThat(samples.getList("[0].shown")).containsExactly("Emotional State");
        assertThat(samples.getString("[1].issue")).isEqualTo(scenario.issue());
    }

    @Test
    void aRunsTranscriptsExportAsOneJsonLinePerWorkItem() throws Exception {
        String runId = judgedRun();

        String body = given().get("/runs/{id}/transcripts", runId)
                .then()
                .statusCode(200)
                .contentType("application/x-ndjson")
                .extract()
                .asString();

        List<String> lines = body.lines().toList();
        assertThat(lines).hasSize(3);
        List<com.fasterxml.jackson.databind.JsonNode> records = new java.util.ArrayList<>();
        for (String line : lines) {
            records.add(Events.mapper().readTree(line));
        }
        assertThat(records)
                .extracting(record -> record.path("condition").asText())
                .containsExactly("agent", "context-free", "context-rich");
        assertThat(records).allSatisfy(record -> {
            assertThat(record.path("query").asText()).isEqualTo(scenario.query());
            assertThat(record.path("judgements").get(0).path("reasons").size()).isEqualTo(3);
        });
    }

    @Test
    void purgingARunsTranscriptsKeepsItsScoresAndSaysTheTextIsGone() {
        String runId = judgedRun();

        given().delete("/runs/{id}/transcripts", runId).then().statusCode(200).body("deleted", equalTo(3));

        JsonPath samples = given().get("/runs/{id}/samples/{scenario}", runId, scenario.id())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(samples.getList("transcriptKept", Boolean.class)).containsOnly(false);
        assertThat(samples.getList("response")).containsOnly((Object) null);
        assertThat(samples.getList("judgements")).hasSize(3);
    }

    @Test
    void aRedeliveredResponseStoresOneTranscript() {
        String runId = judgedRun();
        ResponseGenerated again = response(runId, scenario, "context-free", List.of(), CURT);
        respond(again);
        String marker = "run-" + UUID.randomUUID();
        respond(response(marker, scenario, "context-free", List.of(), CURT));
        // The later record of the same partition is stored once the earlier one was handled.
        await().atMost(Liveness.PATIENCE).until(() -> transcripts.count(marker) == 1);

        assertThat(transcripts.count(runId)).isEqualTo(3);
    }

    @Test
    void badFiltersAndUnknownRunsAreProblemsNamingWhatIsWrong() {
        String runId = judgedRun();
        given().get("/runs/{id}/samples?minScore=0", runId)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("minScore"));
        given().get("/runs/{id}/samples?fallbacks=maybe", runId)
                .then()
                .statusCode(400)
                .body("detail", containsString("fallbacks"));
        given().get("/runs/{id}/samples?page=-1", runId).then().statusCode(400);
        given().get("/runs/run-nope/samples").then().statusCode(404).body("detail", containsString("run-nope"));
        given().get("/runs/{id}/samples/builtin-99", runId)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("builtin-99"));
    }
}
