package io.penguin.scenario.planning;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.penguin.contracts.Events;
import io.penguin.contracts.PlanningRequested;
import io.penguin.contracts.Topics;
import io.penguin.embedded.EmbeddedInfrastructureResource;
import io.penguin.embedded.Liveness;
import io.penguin.scenario.planning.persistence.PlanningItemEntity;
import io.penguin.scenario.planning.persistence.PlanningItemRepository;
import io.penguin.scenario.planning.persistence.PlanningItemStatus;
import io.penguin.scenario.planning.persistence.PlanningJobEntity;
import io.penguin.scenario.planning.persistence.PlanningJobRepository;
import io.penguin.scenario.planning.persistence.PlanningJobStatus;
import io.penguin.scenario.planning.service.PlanningJobs;
import io.penguin.scenario.planning.service.PlanningRecovery;
import io.penguin.service.messaging.DeadLetters;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /plannings} on the real embedded broker and database: the job stored, then one request per selected
 * scenario; recovery after a crash, dead letters and re-drive.
 */
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

    @Inject
    PlanningJobs jobs;

    @Inject
    PlanningItemRepository items;

    @Inject
    PlanningJobRepository jobRows;

    @Inject
    PlanningRecovery recovery;

    private List<PlanningItemEntity> itemsOf(String planningId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> items.list("planningId = ?1 order by scenarioId", planningId));
    }

    private static String accepted(String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/plannings")
                .then()
                .statusCode(202)
                .body("status", equalTo("PUBLISHED"))
                .extract()
                .jsonPath()
                .getString("planningId");
    }

    @Test
    void storesTheJobAndOnePendingItemPerScenarioBeforePublishingItsRequests() {
        String planningId = accepted("{\"scenarioIds\":[\"builtin-01\",\"builtin-02\"],\"budget\":2}");

        PlanningJobEntity job = jobs.require(planningId);
        assertThat(job.status).isEqualTo(PlanningJobStatus.PUBLISHED);
        assertThat(job.total).isEqualTo(2);
        assertThat(job.settings.budget()).isEqualTo(2);
        assertThat(job.publishedAt).isNotNull();
        assertThat(itemsOf(planningId))
                .allSatisfy(item -> {
                    assertThat(item.status).isEqualTo(PlanningItemStatus.PENDING);
                    assertThat(item.attempts).isEqualTo(1);
                })
                .extracting(item -> item.scenarioId)
                .containsExactly("builtin-01", "builtin-02");
        assertThat(published(planningId, 2)).hasSize(2);
    }

    @Test
    void aJobThatACrashLeftPublishingIsPublishedAgainByTheStartUpRecovery() {
        String planningId = accepted("{\"scenarioIds\":[\"builtin-03\"]}");
        assertThat(published(planningId, 1)).hasSize(1);
        // As if the process died after storing the job and before the broker acknowledged its requests.
        QuarkusTransaction.requiringNew()
                .run(() -> jobRows.update(
                        "status = ?1, publishedAt = null where id = ?2", PlanningJobStatus.PUBLISHING, planningId));

        assertThat(recovery.recover()).isPositive();

        assertThat(jobs.require(planningId).status).isEqualTo(PlanningJobStatus.PUBLISHED);
        assertThat(published(planningId, 2))
                .extracting(request -> request.scenario().id())
                .containsExactly("builtin-03", "builtin-03");
    }

    @Test
    void aDeadLetteredRequestIsMarkedFailedWithItsReasonAndReDrivenAlone() {
        String planningId = accepted("{\"scenarioIds\":[\"builtin-04\",\"builtin-05\"]}");
        PlanningRequested failed = published(planningId, 2).stream()
                .filter(request -> request.scenario().id().equals("builtin-05"))
                .findFirst()
                .orElseThrow();
        // What planner-service does with a request it cannot plan.
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        "bootstrap.servers",
                        ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class)),
                new StringSerializer(),
                new StringSerializer())) {
            var record =
                    new ProducerRecord<>(Topics.dlq(Topics.PLANNING_REQUESTS), failed.key(), Events.encode(failed));
            record.headers().add(DeadLetters.REASON, "no target model named 'gone'".getBytes(StandardCharsets.UTF_8));
            producer.send(record);
        }
        await().atMost(Liveness.PATIENCE).until(() -> itemsOf(planningId).get(1).status == PlanningItemStatus.FAILED);
        assertThat(itemsOf(planningId).get(1).failureReason).isEqualTo("no target model named 'gone'");

        given().post("/plannings/" + planningId + "/redrive")
                .then()
                .statusCode(200)
                .body("planningId", equalTo(planningId))
                .body("republished", equalTo(1));

        assertThat(published(planningId, 3))
                .extracting(request -> request.scenario().id())
                .containsExactlyInAnyOrder("builtin-04", "builtin-05", "builtin-05");
        assertThat(itemsOf(planningId))
                .extracting(item -> item.status, item -> item.attempts)
                .containsExactly(tuple(PlanningItemStatus.PENDING, 1), tuple(PlanningItemStatus.PENDING, 2));
    }

    @Test
    void reDrivingAnUnknownJobIsANotFoundProblem() {
        given().post("/plannings/planning-nope/redrive")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("planning-nope"));
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
