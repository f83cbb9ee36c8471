package io.penguin.planner.planning;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.penguin.contracts.Events;
import io.penguin.contracts.PlanningRequested;
import io.penguin.contracts.PlanningSettings;
import io.penguin.contracts.Topics;
import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Scenario;
import io.penguin.embedded.EmbeddedInfrastructureResource;
import io.penguin.planner.planning.rest.PlanView;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * With an LLM reward the planner searches several plans at once, so the endpoint is not left waiting on one plan's
 * sequential calls: planning requests on the real broker, the reward's target and judge calls over HTTP to a
 * role-aware fake, every plan stored, and more than one plan in flight at a time (the consumer stage's peak gauge).
 */
@QuarkusTest
@WithTestResource(
        value = EmbeddedInfrastructureResource.class,
        initArgs = @ResourceArg(name = "database", value = "penguin_planner"))
@WithTestResource(FakeRewardResource.class)
class PlanningOnAnLlmRewardTest {

    @Test
    void severalPlansAreSearchedAtOnceOnTheEndpointAndEachIsStoredWithItsCalls() throws Exception {
        String planningId = "llm-" + UUID.randomUUID();
        List<Scenario> scenarios = BuiltinScenarios.all().subList(0, 6);
        PlanningSettings settings =
                new PlanningSettings(2, 20, 0.1, 7L, false, FakeRewardResource.MODEL, FakeRewardResource.MODEL);
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        "bootstrap.servers",
                        ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class)),
                new StringSerializer(),
                new StringSerializer())) {
            for (Scenario scenario : scenarios) {
                PlanningRequested request =
                        PlanningRequested.of(planningId, scenarios.size(), "train", settings, scenario);
                producer.send(new ProducerRecord<>(Topics.PLANNING_REQUESTS, request.key(), Events.encode(request)));
            }
            producer.flush();
        }

        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> given().get("/plannings/{id}", planningId).statusCode() == 200
                        && given().get("/plannings/{id}", planningId).jsonPath().getLong("planned")
                                == scenarios.size());

        assertThat(given().get("/plannings/{id}/plans", planningId)
                        .jsonPath()
                        .getList(
                                "collect { plan -> plan.usage.find { it.role == 'planner-target' }.calls }",
                                Number.class))
                .as("each plan's reward called the endpoint")
                .hasSize(scenarios.size())
                .allMatch(calls -> calls.longValue() > 0);
        // Plans searched at once overlap in time: each plan's search ran from plannedAt - millis to plannedAt.
        List<PlanView> plans = List.of(given().get("/plannings/{id}/plans", planningId)
                .then()
                .extract()
                .as(PlanView[].class));
        boolean overlap = false;
        for (PlanView a : plans) {
            for (PlanView b : plans) {
                if (a != b
                        && a.plannedAt().minusMillis(a.millis()).isBefore(b.plannedAt())
                        && b.plannedAt().minusMillis(b.millis()).isBefore(a.plannedAt())) {
                    overlap = true;
                }
            }
        }
        assertThat(overlap).as("two plans were searched at the same time").isTrue();
        assertThat(FakeRewardResource.server.maxConcurrency())
                .as("calls in flight at the endpoint at once")
                .isGreaterThanOrEqualTo(2);
    }
}
