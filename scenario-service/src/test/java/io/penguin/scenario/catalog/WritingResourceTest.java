package io.penguin.scenario.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.penguin.scenario.InMemoryChannelsOnPostgres;
import io.penguin.scenario.catalog.persistence.ScenarioEntity;
import io.penguin.scenario.catalog.persistence.ScenarioSource;
import io.penguin.scenario.catalog.persistence.WritingJobEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(InMemoryChannelsOnPostgres.class)
class WritingResourceTest {

    @BeforeEach
    void onlyTheBuiltins() {
        QuarkusTransaction.requiringNew().run(() -> ScenarioEntity.delete("source <> ?1", ScenarioSource.BUILTIN));
    }

    private static JsonPath generate(String body) {
        return WritingJobRunner.generate(body, null);
    }

    @Test
    void theDefaultCatalogIs14000ScenariosEvenlySplitAcrossDomainsWithAStratifiedTestSplitOfWholePersons() {
        JsonPath job = generate("{\"seed\": 3}");
        org.assertj.core.api.Assertions.assertThat(job.getString("status")).isEqualTo("COMPLETED");
        org.assertj.core.api.Assertions.assertThat(job.getLong("written")).isEqualTo(14_000);
        java.util.List<Integer> test = given().queryParam("source", "generated")
                .get("/scenarios/counts")
                .then()
                .statusCode(200)
                .body("size()", equalTo(7))
                .body("total", everyItem(equalTo(2000)))
                // 400 = 20 issues x 2 of 10 persons x 10 queries. A domain's two built-in persons each share a
                // stratum: there the bound over 11 persons lets 1 to 3 generated persons (10 queries each) be test.
                .body("test", everyItem(both(greaterThanOrEqualTo(380)).and(lessThanOrEqualTo(420))))
                .extract()
                .path("test");
        org.assertj.core.api.Assertions.assertThat(test)
                .as("whole persons of 10 queries")
                .allSatisfy(count ->
                        org.assertj.core.api.Assertions.assertThat(count % 10).isZero());
        given().queryParam("issue", "Ponzi Scheme Victim")
                .queryParam("source", "generated")
                .queryParam("split", "test")
                .get("/scenarios")
                .then()
                .body("total", equalTo(20));
    }

    @Test
    void generatingTheSameSeedAgainStoresNothingNew() {
        String body = "{\"seed\": 11, \"issues\": [\"Panic Attack\", \"Exam Failure\"], \"profilesPerIssue\": 3,"
                + " \"queriesPerProfile\": 4}";
        JsonPath first = generate(body);
        org.assertj.core.api.Assertions.assertThat(first.getLong("written")).isEqualTo(24);
        JsonPath second = generate(body);
        org.assertj.core.api.Assertions.assertThat(second.getLong("written")).isZero();
        org.assertj.core.api.Assertions.assertThat(second.getLong("duplicates")).isEqualTo(24);
    }

    @Test
    void rejectsBadSizesAndUnknownIssuesNamingTheField() {
        given().contentType(ContentType.JSON)
                .body("{\"profilesPerIssue\": 0}")
                .post("/catalog/writing-jobs")
                .then()
                .statusCode(400)
                .body("detail", containsString("profilesPerIssue must be between 1 and 50, was 0"));
        given().contentType(ContentType.JSON)
                .body("{\"issues\": [\"Bad Haircut\"]}")
                .post("/catalog/writing-jobs")
                .then()
                .statusCode(400)
                .body("detail", containsString("issues: unknown issue 'Bad Haircut'"));
        given().get("/catalog/writing-jobs/{id}", "gen-nope").then().statusCode(404);
    }

    @Test
    void aJobIsARowInTheDatabaseThatOutlivesTheProcess() {
        JsonPath job = generate("{\"seed\": 12, \"issues\": [\"Panic Attack\"], \"profilesPerIssue\": 2,"
                + " \"queriesPerProfile\": 2}");
        org.assertj.core.api.Assertions.assertThat(job.getString("model")).isEqualTo("offline");
        org.assertj.core.api.Assertions.assertThat(job.getString("rejections")).isNull();
        WritingJobEntity row =
                QuarkusTransaction.requiringNew().call(() -> WritingJobEntity.findById(job.getString("id")));
        org.assertj.core.api.Assertions.assertThat(row.status).isEqualTo("COMPLETED");
        org.assertj.core.api.Assertions.assertThat(row.written).isEqualTo(4);
        org.assertj.core.api.Assertions.assertThat(row.finishedAt).isNotNull();
    }

    @Test
    void aRunningJobWhoseReplicaStoppedIsReportedAsInterruptedAndALiveOneStaysRunning() {
        String stale = runningJob(Instant.now().minus(Duration.ofMinutes(10)));
        String live = runningJob(Instant.now());
        given().get("/catalog/writing-jobs/{id}", stale)
                .then()
                .statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("error", containsString("interrupted: the replica running this job stopped"))
                .body("finishedAt", org.hamcrest.Matchers.notNullValue());
        given().get("/catalog/writing-jobs/{id}", live).then().statusCode(200).body("status", equalTo("RUNNING"));
        QuarkusTransaction.requiringNew().run(() -> WritingJobEntity.deleteById(live));
    }

    private static String runningJob(Instant heartbeat) {
        String id = "gen-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            WritingJobEntity job = new WritingJobEntity();
            job.id = id;
            job.status = "RUNNING";
            job.model = "offline";
            job.seed = 1;
            job.profilesPerIssue = 1;
            job.queriesPerProfile = 1;
            job.issues = 1;
            job.startedAt = heartbeat;
            job.heartbeatAt = heartbeat;
            job.persist();
        });
        return id;
    }

    @Test
    void theOpenApiDocumentDescribesTheImportRouteNextToTheScannedEndpoints() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/catalog/imports'.post.operationId", equalTo("importScenarios"))
                .body("paths.'/catalog/imports'.post.responses.'413'.description", containsString("import-max-size"))
                .body(
                        "paths.'/catalog/imports'.post.parameters.name",
                        org.hamcrest.Matchers.hasItems("format", "dryRun"))
                .body("paths.'/catalog/writing-jobs'.post", org.hamcrest.Matchers.notNullValue());
    }
}
