package io.penguin.planner.planning;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.penguin.contracts.Events;
import io.penguin.contracts.PlanningRequested;
import io.penguin.contracts.PlanningSettings;
import io.penguin.contracts.PolicyPublished;
import io.penguin.contracts.Topics;
import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Scenario;
import io.penguin.embedded.EmbeddedInfrastructureResource;
import io.penguin.models.ModelRegistry;
import io.penguin.planner.planning.rest.PlanView;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** planner-service on the real embedded broker and PostgreSQL: requests in, plans stored, policies published. */
@QuarkusTest
@WithTestResource(
        value = EmbeddedInfrastructureResource.class,
        initArgs = @ResourceArg(name = "database", value = "penguin_planner"))
class PlannerServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static PlanningSettings settings(long seed, int budget) {
        return new PlanningSettings(
                budget, 200, 0.1, seed, true, ModelRegistry.REFERENCE_TARGET, ModelRegistry.REFERENCE_JUDGE);
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static void send(String topic, String key, String value) throws Exception {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", bootstrap()),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        }
    }

    private static void request(String planningId, int total, PlanningSettings settings, Scenario scenario)
            throws Exception {
        PlanningRequested request = PlanningRequested.of(planningId, total, "train", settings, scenario);
        send(Topics.PLANNING_REQUESTS, request.key(), Events.encode(request));
    }

    /** Every record of a topic from the beginning, with a consumer group of its own. */
    private static List<ConsumerRecord<String, String>> readAll(String topic, int atLeast) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        "bootstrap.servers",
                        bootstrap(),
                        "group.id",
                        "test-" + UUID.randomUUID(),
                        "auto.offset.reset",
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                return records.size() >= atLeast;
            });
            // drain what is already there beyond the minimum
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }

    /** The last policy per scenario id on the topic: what compaction keeps. */
    private static Map<String, PolicyPublished> latestPolicies(int atLeast) {
        Map<String, PolicyPublished> latest = new HashMap<>();
        for (ConsumerRecord<String, String> record : readAll(Topics.POLICIES, atLeast)) {
            PolicyPublished policy = Events.decode(record.value(), PolicyPublished.class);
            assertThat(record.key()).isEqualTo(policy.scenarioId());
            latest.put(record.key(), policy);
        }
        return latest;
    }

    private static void awaitPlanned(String planningId, int planned) {
        await().atMost(PATIENCE)
                .until(() -> given().get("/plannings/{id}", planningId).statusCode() == 200
                        && given().get("/plannings/{id}", planningId).jsonPath().getLong("planned") == planned);
    }

    private static List<PlanView> plans(String planningId) {
        return List.of(given().get("/plannings/{id}/plans", planningId)
                .then()
                .statusCode(200)
                .extract()
                .as(PlanView[].class));
    }

    @Test
    void publishesOnePolicyPerScenarioThatMatchesTheDatabase() throws Exception {
        String planningId = "planning-" + UUID.randomUUID();
        List<Scenario> scenarios = BuiltinScenarios.all().subList(0, 3);
        for (Scenario scenario : scenarios) {
            request(planningId, scenarios.size(), settings(7, 3), scenario);
        }

        awaitPlanned(planningId, scenarios.size());
        given().get("/plannings/{id}", planningId).then().statusCode(200);
        assertThat(given().get("/plannings/{id}", planningId).jsonPath().getString("status"))
                .isEqualTo("COMPLETED");
        List<PlanView> stored = plans(planningId);
        Map<String, PolicyPublished> onTopic = latestPolicies(scenarios.size());

        assertThat(stored).hasSize(scenarios.size());
        for (PlanView plan : stored) {
            PolicyPublished policy = onTopic.get(plan.scenarioId());
            assertThat(policy)
                    .as("policy of %s on the topic", plan.scenarioId())
                    .isNotNull();
            assertThat(policy.eventId()).isEqualTo(plan.policyEventId());
            assertThat(policy.planningId()).isEqualTo(planningId);
            assertThat(policy.path()).isEqualTo(plan.path()).isNotEmpty();
            assertThat(policy.reward()).isEqualTo(plan.reward());
            assertThat(policy.domain()).isEqualTo(plan.domain());
            assertThat(policy.split()).isEqualTo("train");
            assertThat(policy.evaluations()).isEqualTo(plan.evaluations());
            assertThat(plan.path()).hasSizeLessThanOrEqualTo(3);
            assertThat(plan.exhaustiveEvaluations()).isEqualTo(176);
            assertThat(plan.evaluations()).isLessThan(plan.exhaustiveEvaluations());
            // The exhaustive search shares the memo: each of the 176 sets cost one target and one judge call.
            assertThat(plan.usage())
                    .extracting(usage -> usage.role(), usage -> usage.calls())
                    .containsExactly(tuple("planner-target", 176L), tuple("planner-judge", 176L));
            assertThat(plan.usage())
                    .allSatisfy(usage -> assertThat(usage.promptTokens()).isPositive());
            assertThat(plan.reward()).isLessThanOrEqualTo(plan.exhaustiveReward());
            Scenario scenario = scenarios.stream()
                    .filter(s -> s.id().equals(plan.scenarioId()))
                    .findFirst()
                    .orElseThrow();
            assertThat(policy.query()).isEqualTo(scenario.query());
            given().get("/policies/{id}", plan.scenarioId())
                    .then()
                    .statusCode(200)
                    .body(
                            "eventId",
                            org.hamcrest.Matchers.equalTo(plan.policyEventId().toString()));
        }
        given().get("/plannings/{id}/report", planningId)
                .then()
                .statusCode(200)
                .body("overall.plans", org.hamcrest.Matchers.equalTo(scenarios.size()))
                .body("overall.compared", org.hamcrest.Matchers.equalTo(scenarios.size()))
                .body("usage.role", org.hamcrest.Matchers.contains("planner-judge", "planner-target"))
                .body("usage.calls", org.hamcrest.Matchers.contains(3 * 176, 3 * 176));
    }

    @Test
    void aRedeliveredRequestIsNotPlannedTwiceAndRepublishesTheSamePolicy() throws Exception {
        String planningId = "planning-" + UUID.randomUUID();
        Scenario scenario = BuiltinScenarios.all().get(3);
        request(planningId, 1, settings(3, 3), scenario);
        awaitPlanned(planningId, 1);
        PlanView first = plans(planningId).get(0);

        request(planningId, 1, settings(3, 3), scenario);

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(readAll(Topics.POLICIES, 1).stream()
                                .filter(record -> record.key().equals(scenario.id()))
                                .map(record -> Events.decode(record.value(), PolicyPublished.class))
                                .filter(policy -> policy.planningId().equals(planningId))
                                .toList())
                        .hasSize(2)
                        .allSatisfy(policy -> assertThat(policy.eventId()).isEqualTo(first.policyEventId())));
        assertThat(plans(planningId)).hasSize(1).first().isEqualTo(first);
    }

    @Test
    void planningAScenarioAgainReplacesItsPolicy() throws Exception {
        Scenario scenario = BuiltinScenarios.all().get(4);
        String before = "planning-" + UUID.randomUUID();
        request(before, 1, settings(1, 3), scenario);
        awaitPlanned(before, 1);

        String after = "planning-" + UUID.randomUUID();
        request(after, 1, settings(2, 2), scenario);
        awaitPlanned(after, 1);

        PlanView replanned = plans(after).get(0);
        assertThat(latestPolicies(2).get(scenario.id()).eventId()).isEqualTo(replanned.policyEventId());
        given().get("/policies/{id}", scenario.id())
                .then()
                .statusCode(200)
                .body("planningId", org.hamcrest.Matchers.equalTo(after))
                .body("budget", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void theSameSeedPlansTheSamePath() throws Exception {
        Scenario scenario = BuiltinScenarios.all().get(5);
        String one = "planning-" + UUID.randomUUID();
        String two = "planning-" + UUID.randomUUID();
        request(one, 1, settings(99, 3), scenario);
        request(two, 1, settings(99, 3), scenario);
        awaitPlanned(one, 1);
        awaitPlanned(two, 1);

        PlanView first = plans(one).get(0);
        PlanView second = plans(two).get(0);
        assertThat(second.path()).isEqualTo(first.path());
        assertThat(second.reward()).isEqualTo(first.reward());
        assertThat(second.evaluations()).isEqualTo(first.evaluations());
    }

    @Test
    void poisonRequestsGoToTheDeadLetterTopicWithTheReason() throws Exception {
        String malformed = "poison-" + UUID.randomUUID();
        String unknownModel = "poison-" + UUID.randomUUID();
        send(Topics.PLANNING_REQUESTS, malformed, "{not json");
        Scenario scenario = BuiltinScenarios.all().get(6);
        PlanningRequested request = PlanningRequested.of(
                unknownModel,
                1,
                "train",
                new PlanningSettings(3, 10, 0.1, 1, false, "no-such-model", ModelRegistry.REFERENCE_JUDGE),
                scenario);
        send(Topics.PLANNING_REQUESTS, unknownModel, Events.encode(request));

        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, ConsumerRecord<String, String>> dead = new HashMap<>();
            readAll(Topics.dlq(Topics.PLANNING_REQUESTS), 1).forEach(record -> dead.put(record.key(), record));
            assertThat(dead).containsKeys(malformed, unknownModel);
            Header reason = dead.get(malformed).headers().lastHeader("dead-letter-reason");
            assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("PlanningRequested");
            assertThat(new String(
                            dead.get(unknownModel)
                                    .headers()
                                    .lastHeader("dead-letter-reason")
                                    .value(),
                            StandardCharsets.UTF_8))
                    .contains("no-such-model");
        });
        given().get("/plannings/{id}", unknownModel)
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("COMPLETED_WITH_FAILURES"))
                .body("failed", org.hamcrest.Matchers.equalTo(1));
    }
}
