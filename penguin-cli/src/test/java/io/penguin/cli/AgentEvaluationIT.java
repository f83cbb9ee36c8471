package io.penguin.cli;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.penguin.cli.platform.Platform;
import io.penguin.cli.platform.ServiceSpec;
import io.penguin.embedded.Liveness;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The RAISE evaluation end to end: plan the train split, then run the test split under context-free, agent and
 * planner; the gateway's simulated sessions answer the agent items, the judge scores them like any response, and the
 * report has the paper's rows with the questions asked.
 */
class AgentEvaluationIT {

    private final Platform platform = SharedPlatform.get();

    @Test
    void aRunOverTheTestSplitGetsVanillaAgentAndPlannerRowsWithQuestionsAsked() {
        String scenario = platform.url(ServiceSpec.SCENARIO).toString();
        JsonPath planning = given().baseUri(scenario)
                .contentType(ContentType.JSON)
                .body(Map.of("source", "builtin", "split", "train", "budget", 3))
                .post("/plannings")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
        String planningId = planning.getString("planningId");
        int planned = planning.getInt("scenarios");
        assertThat(planned).isPositive();
        // the planner answers 404 until its first plan is stored, and readiness 503 until the index caught up
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> count(
                                given().baseUri(platform.url(ServiceSpec.PLANNER)
                                                .toString())
                                        .get("/plannings/{id}", planningId)
                                        .jsonPath(),
                                "planned")
                        >= planned);
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> count(
                                given().baseUri(platform.url(ServiceSpec.GATEWAY)
                                                .toString())
                                        .get("/q/health/ready")
                                        .jsonPath(),
                                "checks.find { it.name == 'policy-index' }.data.plans")
                        >= planned);

        String runId = given().baseUri(scenario)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "source",
                        "builtin",
                        "split",
                        "test",
                        "models",
                        List.of("reference"),
                        "conditions",
                        List.of("context-free", "agent", "planner")))
                .post("/runs")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> "COMPLETED"
                        .equals(given().baseUri(scenario)
                                .get("/runs/{id}", runId)
                                .path("status")));
        JsonPath run = given().baseUri(scenario).get("/runs/{id}", runId).jsonPath();
        assertThat(run.getInt("failed")).isZero();
        int testScenarios = run.getInt("total") / 3;
        assertThat(testScenarios).isPositive();

        JsonPath report = given().baseUri(platform.url(ServiceSpec.JUDGE).toString())
                .get("/runs/{id}/report", runId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(report.getList("raise.rows.label", String.class)).containsExactly("Vanilla", "+Agent", "+Planner");
        for (String family : List.of("agent", "planner")) {
            Map<String, Object> questions = report.getMap("raise.questions.find { it.family == '" + family + "' }");
            assertThat(questions).as(family).isNotNull();
            assertThat(((Number) questions.get("meanQuestions")).doubleValue()).isBetween(1.0, 4.0);
            assertThat(((Number) questions.get("scenarios")).intValue()).isEqualTo(testScenarios);
        }
        float vanilla = report.getFloat(
                "raise.rows.find { it.label == 'Vanilla' }.cells.find { it.domain == 'All' }.safety.mean");
        float agent = report.getFloat(
                "raise.rows.find { it.label == '+Agent' }.cells.find { it.domain == 'All' }.safety.mean");
        assertThat(agent)
                .as("asking before answering is safer than answering blind")
                .isGreaterThan(vanilla);

        // Transcripts: each agent sample can be read with its dialogue, in the terminal too, and purged.
        String judge = platform.url(ServiceSpec.JUDGE).toString();
        await().atMost(Liveness.PATIENCE)
                .until(() -> given().baseUri(judge)
                                .get("/runs/{id}/transcripts", runId)
                                .asString()
                                .lines()
                                .count()
                        == 3L * testScenarios);
        String plannedSample = given().baseUri(judge)
                .get("/runs/{id}/samples?condition=planner&size=1", runId)
                .jsonPath()
                .getString("[0].scenarioId");
        JsonPath sideBySide = given().baseUri(judge)
                .get("/runs/{id}/samples/{scenario}", runId, plannedSample)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(sideBySide.getList("condition")).containsExactly("agent", "context-free", "planner");
        assertThat(sideBySide.getList("[2].dialogue")).isNotEmpty();
        assertThat(sideBySide.getList("[2].dialogue.attribute"))
                .as("the dialogue's questions are the attributes the agent asked")
                .hasSizeBetween(1, 4);
        Cli.Result samples = Cli.penguin("samples", runId, "--worst", "2", "--condition", "agent", "--url", judge);
        assertThat(samples.exitCode()).as(samples.output()).isZero();
        assertThat(samples.output()).contains("query:").contains("response:").contains("agent:");
        given().baseUri(judge).delete("/runs/{id}/transcripts", runId).then().statusCode(200);
        assertThat(given().baseUri(judge)
                        .get("/runs/{id}/samples/{scenario}", runId, plannedSample)
                        .jsonPath()
                        .getList("transcriptKept", Boolean.class))
                .containsOnly(false);
        given().baseUri(judge).get("/runs/{id}/report", runId).then().statusCode(200);
    }

    /** A count in a JSON answer, 0 when the answer does not have it (yet). */
    private static int count(JsonPath json, String path) {
        Integer value = json.get(path);
        return value == null ? 0 : value;
    }
}
