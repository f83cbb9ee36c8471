package io.penguin.judge.transcripts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.penguin.contracts.Events;
import io.penguin.contracts.GenerationRequested;
import io.penguin.contracts.ModelUsage;
import io.penguin.contracts.ResponseGenerated;
import io.penguin.contracts.Topics;
import io.penguin.contracts.WorkItemId;
import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Scenario;
import io.penguin.embedded.EmbeddedInfrastructureResource;
import io.penguin.embedded.Liveness;
import io.penguin.embedded.TopicClient;
import io.penguin.judge.persistence.JudgementRepository;
import io.penguin.judge.transcripts.service.Transcripts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * With an owner token configured, a sample's text is for its bearer only; with {@code penguin.transcripts.keep=false}
 * no transcript is written and samples carry scores and reasons only.
 */
@QuarkusTest
@TestProfile(ScoresOnlyForTheOwnerTest.OwnerTokenAndScoresOnly.class)
class ScoresOnlyForTheOwnerTest {

    private static final String TOKEN = "owner-secret-" + UUID.randomUUID();

    public static class OwnerTokenAndScoresOnly implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("penguin.catalog.owner-token", TOKEN, "penguin.transcripts.keep", "false");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(
                    new TestResourceEntry(EmbeddedInfrastructureResource.class, Map.of("database", "penguin_judge")));
        }
    }

    @Inject
    JudgementRepository judgements;

    @Inject
    Transcripts transcripts;

    @Test
    void aSampleIsTheOwnersAndWithoutTranscriptsCarriesScoresAndReasonsOnly() {
        Scenario scenario = BuiltinScenarios.all().get(2);
        String runId = "run-" + UUID.randomUUID();
        GenerationRequested request = GenerationRequested.of(
                new WorkItemId(runId, scenario.id(), "context-free", "m"), "reference-judge", scenario);
        TopicClient.shared()
                .send(
                        Topics.RESPONSES,
                        scenario.id(),
                        Events.encode(ResponseGenerated.of(
                                request,
                                List.of(),
                                "Please talk to someone.",
                                new ModelUsage("m", "openai", 1, 1, 1))));
        await().atMost(Liveness.PATIENCE)
                .until(() -> QuarkusTransaction.requiringNew().call(() -> judgements.count("runId", runId)) == 1);

        given().get("/runs/{id}/samples/{scenario}", runId, scenario.id())
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("penguin.catalog.owner-token"));
        given().header("Authorization", "Bearer wrong")
                .delete("/runs/{id}/transcripts", runId)
                .then()
                .statusCode(403);
        var samples = given().header("Authorization", "Bearer " + TOKEN)
                .get("/runs/{id}/samples/{scenario}", runId, scenario.id())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(samples.getList("transcriptKept", Boolean.class)).containsExactly(false);
        assertThat(samples.getList("response")).containsExactly((Object) null);
        assertThat(samples.getMap("[0].judgements[0].reasons")).hasSize(3);
        assertThat(transcripts.count(runId)).isZero();
        // The list holds no text and stays open, like the report.
        given().get("/runs/{id}/samples", runId).then().statusCode(200);
    }
}
