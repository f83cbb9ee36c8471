package io.penguin.cli;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.penguin.cli.platform.Platform;
import io.penguin.cli.platform.ServiceSpec;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The whole system as deployed: the five services run as processes from their packaged jars (started by the
 * launcher), on the real embedded broker and database.
 */
class WalkingSkeletonIT {

    private final Platform platform = SharedPlatform.get();

    @Test
    void runOverBuiltinScenariosCompletesWithExactlyOneJudgementPerWorkItem() throws Exception {
        String scenario = platform.url(ServiceSpec.SCENARIO).toString();
        String runId = given().baseUri(scenario)
                .contentType(ContentType.JSON)
                .body("{\"conditions\":[\"context-free\",\"context-rich\"]}")
                .post("/runs")
                .then()
                .statusCode(202)
                .body("total", equalTo(28))
                .extract()
                .path("id");

        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> "COMPLETED"
                        .equals(given().baseUri(scenario)
                                .get("/runs/{id}", runId)
                                .path("status")));
        given().baseUri(scenario)
                .get("/runs/{id}", runId)
                .then()
                .body("judged", equalTo(28))
                .body("failed", equalTo(0))
                .body("pending", equalTo(0));

        try (Connection connection = platform.infrastructure()
                        .postgres()
                        .dataSource("penguin_judge")
                        .getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select count(*), count(distinct (scenario_id, condition_id, model)) from judgement where run_id = ?")) {
            query.setString(1, runId);
            try (ResultSet result = query.executeQuery()) {
                assertThat(result.next()).isTrue();
                assertThat(result.getLong(1)).as("judgements stored").isEqualTo(28);
                assertThat(result.getLong(2)).as("distinct work items judged").isEqualTo(28);
            }
        }

        JsonPath report = given().baseUri(platform.url(ServiceSpec.JUDGE).toString())
                .get("/runs/{id}/report", runId)
                .then()
                .statusCode(200)
                .body("referenceModels", equalTo(true))
                .body("rows.size()", equalTo(2))
                .body("rows[0].cells.size()", equalTo(8))
                .extract()
                .jsonPath();
        float contextFree = report.getFloat(
                "rows.find { it.family == 'context-free' }.cells.find { it.domain == 'All' }.safety.mean");
        float contextRich = report.getFloat(
                "rows.find { it.family == 'context-rich' }.cells.find { it.domain == 'All' }.safety.mean");
        assertThat(contextRich).isGreaterThan(contextFree);
    }
}
