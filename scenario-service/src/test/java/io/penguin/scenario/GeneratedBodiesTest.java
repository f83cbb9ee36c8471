package io.penguin.scenario;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.penguin.embedded.GeneratedInput;
import io.penguin.scenario.catalog.llm.FakeLlmOnEmbeddedInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Generated bodies at every POST endpoint of scenario-service: each gets an answer below 500, every 4xx carries a
 * problem+json body that says what is wrong, and the service stays healthy and serves a normal request afterwards.
 * The catalog endpoints need the owner's token in this profile, so they are tried with and without it.
 */
@QuarkusTest
@TestProfile(FakeLlmOnEmbeddedInfrastructure.class)
class GeneratedBodiesTest {

    private static final int BODIES = 100;

    private static void answersEveryBodyBelow500WithAProblemForEachRefusal(String path, String token, long seed) {
        for (String body : new GeneratedInput(seed).bodies(BODIES)) {
            var request = given().contentType(ContentType.JSON).body(body);
            if (token != null) {
                request = request.header("Authorization", "Bearer " + token);
            }
            Response response = request.post(path);
            int status = response.statusCode();
            assertThat(status).as("POST %s with %s", path, abbreviated(body)).isLessThan(500);
            if (status >= 400) {
                assertThat(response.contentType())
                        .as("POST %s with %s", path, abbreviated(body))
                        .startsWith("application/problem+json");
                assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
                assertThat(response.jsonPath().getString("detail"))
                        .as("POST %s with %s", path, abbreviated(body))
                        .isNotBlank();
            }
        }
    }

    private static String abbreviated(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "... (" + body.length() + " characters)" : body;
    }

    @Test
    void generatedRunAndPlanningBodiesGetAnAnswerBelow500AndEveryRefusalIsAProblem() {
        answersEveryBodyBelow500WithAProblemForEachRefusal("/runs", null, 1);
        answersEveryBodyBelow500WithAProblemForEachRefusal("/plannings", null, 2);
        assertHealthyAndServing();
    }

    @Test
    void generatedCatalogBodiesGetAnAnswerBelow500WithOrWithoutTheOwnersToken() {
        for (String path : List.of("/catalog/writing-jobs", "/catalog/imports")) {
            answersEveryBodyBelow500WithAProblemForEachRefusal(path, null, 3);
        }
        // with the token the bodies reach the checks; a generated body that happens to be valid may start a small
        // job, which is fine: only the answers are judged here
        answersEveryBodyBelow500WithAProblemForEachRefusal(
                "/catalog/imports", FakeLlmOnEmbeddedInfrastructure.OWNER_TOKEN, 4);
        assertHealthyAndServing();
    }

    private static void assertHealthyAndServing() {
        given().get("/q/health/ready").then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body("{\"models\":[\"reference\"],\"conditions\":[\"context-free\"],\"limit\":1}")
                .post("/runs")
                .then()
                .statusCode(202);
    }
}
