package io.penguin.scenario.catalog;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;

/** Starts a catalog generation job over HTTP and waits until it is no longer running. */
public final class WritingJobRunner {

    private WritingJobRunner() {}

    /** @param authorization the Authorization header, or null to send none */
    public static JsonPath generate(String body, String authorization) {
        RequestSpecification request = given().contentType(ContentType.JSON);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        String location = request.body(body)
                .post("/catalog/writing-jobs")
                .then()
                .statusCode(202)
                .body("status", equalTo("RUNNING"))
                .extract()
                .header("Location");
        await().atMost(Duration.ofMinutes(2))
                .until(() -> !given().get(location).path("status").equals("RUNNING"));
        return given().get(location).then().statusCode(200).extract().jsonPath();
    }
}
