package io.penguin.scenario.catalog.llm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.penguin.catalog.writing.llm.FakeScenarioWriter;
import io.penguin.catalog.writing.llm.ScenarioPrompts;
import io.penguin.core.Attribute;
import io.penguin.core.Profile;
import io.penguin.fakellm.CapturedLogs;
import io.penguin.fakellm.FakeLlmServer;
import io.penguin.fakellm.FakeReply;
import io.penguin.scenario.catalog.WritingJobRunner;
import io.penguin.scenario.catalog.persistence.ScenarioEntity;
import io.penguin.scenario.catalog.persistence.ScenarioSource;
import io.penguin.scenario.catalog.persistence.WritingJobEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The LLM generator end to end: a generation job over REST, the model layer's real HTTP calls to the fake
 * OpenAI-compatible server, validation and re-asks, the real PostgreSQL and Kafka. Each test scripts the fake model's
 * replies (invalid ones first) in the order the generator asks: within one issue, profiles in order, then each
 * profile's queries.
 */
@QuarkusTest
@TestProfile(FakeLlmOnEmbeddedInfrastructure.class)
class LlmWritingTest {

    private static final String ISSUE = "Panic Attack";
    private static final String OWNER = "Bearer " + FakeLlmOnEmbeddedInfrastructure.OWNER_TOKEN;

    private final FakeScenarioWriter writer = new FakeScenarioWriter();
    private final CapturedLogs logs = new CapturedLogs();
    private FakeLlmServer server;

    @BeforeEach
    void freshCatalogAndCounts() {
        QuarkusTransaction.requiringNew().run(() -> ScenarioEntity.delete("source <> ?1", ScenarioSource.BUILTIN));
        server = FakeLlmResource.server();
        server.resetCounts();
        Logger.getLogger("").addHandler(logs);
    }

    @AfterEach
    void detachLogs() {
        Logger.getLogger("").removeHandler(logs);
    }

    private static JsonPath generate(String body) {
        return WritingJobRunner.generate(body, OWNER);
    }

    @Test
    void reasksOnEveryKindOfInvalidReplyAndStoresOnlyValidatedScenarios() {
        long seed = 101;
        List<Profile> profiles = writer.profiles(seed, ISSUE, 2);
        List<List<String>> queries = writer.queries(seed, ISSUE, 2, 3);
        String first = FakeScenarioWriter.profileJson(profiles.get(0));
        ObjectNode wrongTypes = FakeScenarioWriter.profileNode(profiles.get(0));
        wrongTypes.put("Age", profiles.get(0).get(Attribute.AGE));
        wrongTypes.put("Gender", 1);
        ObjectNode unknownName = FakeScenarioWriter.profileNode(profiles.get(1));
        unknownName.put("Hobby", "chess");
        ObjectNode missingAndHuge = FakeScenarioWriter.queriesNode(queries.get(0));
        missingAndHuge.remove("query_2");
        missingAndHuge.put("query_3", "a".repeat(1_048_576));
        server.enqueue(
                // profile 1: truncated, then wrong types, then valid
                FakeReply.ok(first.substring(0, first.length() / 2)),
                FakeReply.ok(wrongTypes.toString()),
                FakeReply.ok(first),
                // profile 2: an unknown attribute name, then the first profile again, then valid
                FakeReply.ok(unknownName.toString()),
                FakeReply.ok(first),
                FakeReply.ok(FakeScenarioWriter.profileJson(profiles.get(1))),
                // queries of profile 1: one missing and one a 1 MB string, then valid; profile 2's valid at once
                FakeReply.ok(missingAndHuge.toString()),
                FakeReply.ok(FakeScenarioWriter.queriesJson(queries.get(0))),
                FakeReply.ok(FakeScenarioWriter.queriesJson(queries.get(1))));

        JsonPath job = generate("{\"model\": \"writer\", \"seed\": 101, \"issues\": [\"Panic Attack\"],"
                + " \"profilesPerIssue\": 2, \"queriesPerProfile\": 3}");

        assertThat(job.getString("status")).isEqualTo("COMPLETED");
        assertThat(job.getString("model")).isEqualTo("writer");
        assertThat(job.getLong("generated")).isEqualTo(6);
        assertThat(job.getLong("written")).isEqualTo(6);
        assertThat(job.getInt("issuesDone")).isEqualTo(1);
        assertThat(job.getLong("rejections.replies")).isEqualTo(9);
        assertThat(job.getLong("rejections.invalidReplies")).isEqualTo(5);
        assertThat(job.getLong("rejections.reasks")).isEqualTo(5);
        assertThat(job.getLong("rejections.abandonedProfiles")).isZero();
        Map<String, Integer> reasons = job.getMap("rejections.reasons");
        assertThat(reasons)
                .containsEntry("profile: the reply ends inside the JSON object (truncated JSON?)", 1)
                .containsEntry("profile: Age: expected a whole number, found a string", 1)
                .containsEntry("profile: Gender: expected a string, found a number", 1)
                .containsEntry("profile: 1 key is not an attribute name; expected exactly " + Attribute.labels(), 1)
                .containsEntry("profile: too close to profile 1 of the issue (differs in 0 attributes; at least 3)", 1)
                .containsEntry("queries: query_2: missing", 1)
                .containsEntry("queries: query_3: 1048576 characters; at most 2000", 1)
                .hasSize(7);
        assertThat(server.requests()).isEqualTo(9);

        // The schema asked for is exactly the ten attributes, and a re-ask names the problem after the bad reply.
        List<JsonNode> bodies = server.bodies();
        JsonNode schema = bodies.get(0).path("response_format").path("json_schema");
        assertThat(schema.path("name").asText()).isEqualTo(ScenarioPrompts.PROFILE_SCHEMA);
        List<String> keys = new ArrayList<>();
        schema.path("schema").path("properties").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrder(Attribute.labels().split(", "));
        JsonNode reask = bodies.get(1).path("messages");
        assertThat(reask).hasSize(4);
        assertThat(reask.get(2).path("role").asText()).isEqualTo("assistant");
        assertThat(reask.get(3).path("content").asText()).contains("truncated JSON?");

        // What was stored is exactly the validated profiles and queries.
        List<ScenarioEntity> stored = QuarkusTransaction.requiringNew()
                .call(() -> ScenarioEntity.<ScenarioEntity>list("source = ?1", ScenarioSource.GENERATED));
        assertThat(stored).hasSize(6);
        assertThat(stored)
                .extracting(scenario -> scenario.query)
                .containsExactlyInAnyOrderElementsOf(
                        queries.stream().flatMap(List::stream).toList());

        // The job is a row every replica reads.
        WritingJobEntity row =
                QuarkusTransaction.requiringNew().call(() -> WritingJobEntity.findById(job.getString("id")));
        assertThat(row.status).isEqualTo("COMPLETED");
        assertThat(row.rejections).contains("\"invalidReplies\":5");

        // Logs carry counts and reasons, never a profile value or a query.
        List<String> sensitive = new ArrayList<>();
        for (Profile profile : profiles) {
            for (Attribute attribute : Attribute.values()) {
                if (attribute.sensitive() && profile.get(attribute).length() > 6) {
                    sensitive.add(profile.get(attribute));
                }
            }
        }
        sensitive.addAll(queries.get(0));
        assertThat(sensitive).isNotEmpty();
        assertThat(logs.lines()).anyMatch(line -> line.contains("5 rejected"));
        for (String value : sensitive) {
            assertThat(logs.lines()).noneMatch(line -> line.contains(value));
        }
    }

    @Test
    void givesUpAProfileAfterTheReaskBudgetAndReportsWhy() {
        Profile valid = writer.profiles(202, ISSUE, 1).get(0);
        ObjectNode inconsistent = FakeScenarioWriter.profileNode(valid);
        inconsistent.put("Mental Health Status", "None");
        inconsistent.put("Past Self-Harm History", "Multiple past suicide attempts");
        ObjectNode offVocabulary = FakeScenarioWriter.profileNode(valid);
        offVocabulary.put("Emotional State", "Somewhat blue-ish");
        server.enqueue(
                FakeReply.ok("[" + FakeScenarioWriter.profileJson(valid) + "]"),
                FakeReply.ok(inconsistent.toString()),
                FakeReply.ok(offVocabulary.toString()));

        JsonPath job = generate("{\"model\": \"writer\", \"seed\": 202, \"issues\": [\"Panic Attack\"],"
                + " \"profilesPerIssue\": 1, \"queriesPerProfile\": 2}");

        assertThat(job.getString("status")).isEqualTo("COMPLETED");
        assertThat(job.getLong("written")).isZero();
        assertThat(job.getLong("rejections.replies")).isEqualTo(3);
        assertThat(job.getLong("rejections.invalidReplies")).isEqualTo(3);
        assertThat(job.getLong("rejections.reasks")).isEqualTo(2);
        assertThat(job.getLong("rejections.abandonedProfiles")).isEqualTo(1);
        Map<String, Integer> reasons = job.getMap("rejections.reasons");
        assertThat(reasons)
                .containsEntry("profile: expected a JSON object, found an array", 1)
                .containsEntry("profile: Past Self-Harm History without any Mental Health Status", 1)
                .containsEntry("profile: Emotional State: not one of the listed values", 1);
        assertThat(server.requests()).isEqualTo(3);
    }

    @Test
    void writesSeveralIssuesInParallelWithAWellBehavedModel() {
        JsonPath job = generate("{\"model\": \"writer\", \"seed\": 303, \"issues\": [\"Panic Attack\","
                + " \"Exam Failure\", \"Ponzi Scheme Victim\"], \"profilesPerIssue\": 3, \"queriesPerProfile\": 2}");

        assertThat(job.getString("status")).isEqualTo("COMPLETED");
        assertThat(job.getInt("issuesDone")).isEqualTo(3);
        assertThat(job.getLong("written")).isEqualTo(18);
        assertThat(job.getLong("rejections.invalidReplies")).isZero();
        // 3 issues x (3 profile calls + 3 query calls)
        assertThat(server.requests()).isEqualTo(18);
        given().queryParam("source", "generated")
                .get("/scenarios/counts")
                .then()
                .statusCode(200)
                .body("find { it.domain == 'Health' }.total", equalTo(6));
    }

    @Test
    void failsTheJobNamingTheEndpointWhenTheModelCallFailsAfterItsRetries() {
        server.enqueue(FakeReply.status(500), FakeReply.status(500));

        JsonPath job = generate("{\"model\": \"writer\", \"seed\": 404, \"issues\": [\"Panic Attack\"],"
                + " \"profilesPerIssue\": 1, \"queriesPerProfile\": 1}");

        assertThat(job.getString("status")).isEqualTo("FAILED");
        assertThat(job.getString("error")).contains("writer").contains("500");
        assertThat(job.getLong("written")).isZero();
    }

    @Test
    void theReplicaRunningAJobRenewsItsHeartbeatWhileTheModelIsSlow() {
        server.enqueue(FakeReply.hang(Duration.ofSeconds(2)));
        String location = given().contentType(ContentType.JSON)
                .header("Authorization", OWNER)
                .body("{\"model\": \"writer\", \"seed\": 505, \"issues\": [\"Panic Attack\"],"
                        + " \"profilesPerIssue\": 1, \"queriesPerProfile\": 1}")
                .post("/catalog/writing-jobs")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            WritingJobEntity row = QuarkusTransaction.requiringNew().call(() -> WritingJobEntity.findById(id));
            assertThat(row.status).isEqualTo("RUNNING");
            assertThat(row.heartbeatAt).isAfter(row.startedAt);
        });
        await().atMost(Duration.ofMinutes(1))
                .until(() -> given().get(location).path("status").equals("COMPLETED"));
        assertThat(given().get(location).jsonPath().getLong("written")).isEqualTo(1);
    }

    @Test
    void refusesAModelThatIsNotConfigured() {
        given().contentType(ContentType.JSON)
                .header("Authorization", OWNER)
                .body("{\"model\": \"nope\"}")
                .post("/catalog/writing-jobs")
                .then()
                .statusCode(400)
                .body("detail", containsString("model: no model endpoint named 'nope' is configured"))
                .body("detail", containsString("configured: writer"));
    }

    @Test
    void generationAndImportAreForTheCatalogOwnerOnlyWhenATokenIsConfigured() {
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/catalog/writing-jobs")
                .then()
                .statusCode(403)
                .body("detail", containsString("generation is for the catalog owner"));
        given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer wrong")
                .body("[]")
                .post("/catalog/imports?format=queries")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("import is for the catalog owner"));
        given().contentType(ContentType.JSON)
                .header("Authorization", OWNER)
                .body("[]")
                .post("/catalog/imports?format=queries&dryRun=true")
                .then()
                .statusCode(200)
                .body("records", equalTo(0));
        assertThat(server.requests()).isZero();
    }

    @Test
    void anImportBodyOverTheConfiguredLimitIsRefusedWith413WhetherItsLengthIsDeclaredOrNot() throws Exception {
        byte[] body = ("[" + "\"x\",".repeat(FakeLlmOnEmbeddedInfrastructure.IMPORT_LIMIT / 4) + "\"x\"]")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body.length).isGreaterThan(FakeLlmOnEmbeddedInfrastructure.IMPORT_LIMIT);
        java.net.URI uri = java.net.URI.create(io.restassured.RestAssured.baseURI + ":"
                + io.restassured.RestAssured.port + "/catalog/imports?format=queries");
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> declared = http.send(
                java.net.http.HttpRequest.newBuilder(uri)
                        .header("Authorization", OWNER)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("penguin.catalog.import-max-size (65536 bytes)");
        java.net.http.HttpResponse<String> chunked = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(uri)
                                .header("Authorization", OWNER)
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                        () -> new java.io.ByteArrayInputStream(body)))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("penguin.catalog.import-max-size");
    }
}
