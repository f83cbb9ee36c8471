package io.penguin.scenario.planning;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.penguin.contracts.Events;
import io.penguin.contracts.PlanningRequested;
import io.penguin.contracts.Topics;
import io.penguin.embedded.EmbeddedInfrastructureResource;
import io.penguin.embedded.Liveness;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** {@code POST /plannings} on the real embedded broker and database: one request per selected scenario. */
@QuarkusTest
@WithTestResource(
        value = EmbeddedInfrastructureResource.class,
        initArgs = @ResourceArg(name = "database", value = "penguin_scenario"))
class PlanningResourceTest {

    private static List<PlanningRequested> published(String planningId, int expected) {
        List<PlanningRequested> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        "bootstrap.servers",
                        ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                        "group.id",
                        "test-" + UUID.randomUUID(),
                        "auto.offset.reset",
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.PLANNING_REQUESTS));
            await().atMost(Liveness.PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    PlanningRequested request = Events.decode(record.value(), PlanningRequested.class);
                    if (request.planningId().equals(planningId)) {
                        assertThat(record.key()).isEqualTo(request.scenario().id());
                        found.add(request);
                    }
                });
                return found.size() >= expected;
            });
        }
        return found;
    }

    @Test
    void plansTheTrainSplitWhenTheSelectionNamesNoSplitWithOneKeyedRequestPerScenario() {
        long train = given().get("/scenarios?split=train&size=1000").jsonPath().getLong("total");
        var accepted = given().contentType(ContentType.JSON)
                .body("{\"source\":\"any\"}")
                .post("/plannings")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
        String planningId = accepted.getString("planningId");

        assertThat(accepted.getLong("scenarios")).isEqualTo(train).isPositive();
        List<PlanningRequested> requests = published(planningId, (int) train);
        assertThat(requests).hasSize((int) train).allSatisfy(request -> {
            assertThat(request.split()).isEqualTo("train");
            assertThat(request.total()).isEqualTo((int) train);
            assertThat(request.settings().budget()).isEqualTo(3);
            assertThat(request.settings().exhaustive()).isFalse();
        });
        assertThat(requests.stream().map(request -> request.scenario().id()).distinct())
                .hasSize((int) train);
    }

    @Test
    void carriesTheRequestedSettingsForChosenScenarios() {
        String planningId = given().contentType(ContentType.JSON)
                .body("{\"scenarioIds\":[\"builtin-01\",\"builtin-02\"],\"budget\":2,\"seed\":5,\"exhaustive\":true}")
                .post("/plannings")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getString("planningId");

        List<PlanningRequested> requests = published(planningId, 2);
        assertThat(requests)
                .extracting(request -> request.scenario().id())
                .containsExactlyInAnyOrder("builtin-01", "builtin-02");
        assertThat(requests).allSatisfy(request -> {
            assertThat(request.settings().budget()).isEqualTo(2);
            assertThat(request.settings().seed()).isEqualTo(5);
            assertThat(request.settings().exhaustive()).isTrue();
        });
    }

    private static void refused(String body, String... detailParts) {
        var detail = given().contentType(ContentType.JSON)
                .body(body)
                .post("/plannings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .extract()
                .jsonPath()
                .getString("detail");
        assertThat(detail).contains(detailParts);
    }

    @Test
    void refusesAnUnknownTargetOrJudgeModelNamingTheField() {
        refused("{\"split\":\"train\",\"model\":\"no-such-model\"}", "model", "no-such-model");
        refused("{\"split\":\"train\",\"judgeModel\":\"no-such-judge\"}", "judgeModel", "no-such-judge");
    }

    @Test
    void refusesARequestThatNamesNoScenariosAndSaysWhatToSend() {
        refused("{}", "scenarioIds", "split");
        refused("{\"budget\":2}", "scenarioIds", "split");
        refused("null", "scenarioIds", "split");
        given().contentType(ContentType.JSON)
                .post("/plannings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("scenarioIds"));
    }

    @Test
    void refusesEveryNumberOutOfItsBoundWithTheBoundInTheMessage() {
        refused("{\"split\":\"train\",\"rollouts\":2000000000}", "rollouts", "10000");
        refused("{\"split\":\"train\",\"rollouts\":0}", "rollouts", "1");
        refused("{\"split\":\"train\",\"budget\":11}", "budget", "10");
        refused("{\"split\":\"train\",\"budget\":0}", "budget", "1");
        refused("{\"split\":\"train\",\"exploration\":-1}", "exploration", "10");
        refused("{\"split\":\"train\",\"exploration\":1e9}", "exploration", "10");
        refused("{\"split\":\"train\",\"limit\":0}", "limit", "50000");
        refused("{\"split\":\"train\",\"sample\":2000000000}", "sample", "50000");
    }

    @Test
    void refusesNullListEntriesNamingTheirIndex() {
        refused("{\"scenarioIds\":[\"builtin-01\",null]}", "scenarioIds[1]");
        refused("{\"domains\":[\" \"]}", "domains[0]");
    }

    @Test
    void rejectsAnUnknownSplitNamingTheField() {
        given().contentType(ContentType.JSON)
                .body("{\"split\":\"validation\"}")
                .post("/plannings")
                .then()
                .statusCode(400)
                .body("detail", containsString("split"));
    }
}
