package io.penguin.planner.planning;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.penguin.contracts.Events;
import io.penguin.contracts.PlanningRequested;
import io.penguin.contracts.PlanningSettings;
import io.penguin.contracts.Topics;
import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Scenario;
import io.penguin.embedded.EmbeddedInfrastructureResource;
import io.penguin.embedded.Liveness;
import io.penguin.embedded.TopicClient;
import io.penguin.models.ModelRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/**
 * Planning jobs account for every request: planned, failed (dead-lettered, with the reason) or pending, and a job
 * with failures ends {@code COMPLETED_WITH_FAILURES}. Plans and reports name the reward's models.
 */
@QuarkusTest
@WithTestResource(
        value = EmbeddedInfrastructureResource.class,
        initArgs = @ResourceArg(name = "database", value = "penguin_planner"))
class PlanningFailuresTest {

    private final TopicClient topics = TopicClient.shared();

    private void request(String planningId, int total, String targetModel, Scenario scenario) {
        PlanningSettings settings =
                new PlanningSettings(2, 20, 0.1, 3, false, targetModel, ModelRegistry.REFERENCE_JUDGE);
        PlanningRequested request = PlanningRequested.of(planningId, total, "train", settings, scenario);
        topics.send(Topics.PLANNING_REQUESTS, request.key(), Events.encode(request));
    }

    private static JsonPath progress(String planningId) {
        return given().get("/plannings/{id}", planningId).jsonPath();
    }

    @Test
    void aJobWithAnUnplannableRequestEndsCompletedWithFailuresAndListsTheReason() {
        String planningId = "planning-" + UUID.randomUUID();
        Scenario planned = BuiltinScenarios.all().get(2);
        Scenario failing = BuiltinScenarios.all().get(3);
        request(planningId, 3, ModelRegistry.REFERENCE_TARGET, planned);
        request(planningId, 3, "no-such-model", failing);

        await().atMost(Liveness.PATIENCE)
                .until(() -> given().get("/plannings/{id}", planningId).statusCode() == 200
                        && progress(planningId).getLong("planned")
                                        + progress(planningId).getLong("failed")
                                == 2);
        JsonPath progress = progress(planningId);
        assertThat(progress.getInt("total")).isEqualTo(3);
        assertThat(progress.getLong("pending"))
                .as("the third request never came")
                .isEqualTo(1);
        assertThat(progress.getString("status")).isEqualTo("PLANNING");

        request(planningId, 3, "no-such-model", BuiltinScenarios.all().get(4));
        await().atMost(Liveness.PATIENCE)
                .until(() -> progress(planningId).getString("status").equals("COMPLETED_WITH_FAILURES"));
        progress = progress(planningId);
        assertThat(progress.getLong("planned")).isEqualTo(1);
        assertThat(progress.getLong("failed")).isEqualTo(2);
        assertThat(progress.getLong("pending")).isZero();

        List<Map<String, Object>> failures = given().get("/plannings/{id}/failures", planningId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(failures)
                .extracting(failure -> failure.get("scenarioId"))
                .containsExactlyInAnyOrder(
                        failing.id(), BuiltinScenarios.all().get(4).id());
        assertThat(failures)
                .allSatisfy(failure -> assertThat((String) failure.get("reason"))
                        .contains("no-such-model")
                        .doesNotContain(failing.query()));
    }

    @Test
    void aDeadLetteredRequestLogsOneLineAndNoStackTrace() {
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                    logged.add(record);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        String planningId = "planning-" + UUID.randomUUID();
        // A model name of its own: the same reason dead-lettered by an earlier test within the minute is only counted.
        String model = "no-such-model-" + UUID.randomUUID();
        try {
            request(planningId, 1, model, BuiltinScenarios.all().get(5));
            await().atMost(Liveness.PATIENCE)
                    .until(() -> given().get("/plannings/{id}", planningId).statusCode() == 200);
        } finally {
            root.removeHandler(capture);
        }

        SimpleFormatter formatter = new SimpleFormatter();
        List<String> aboutIt = logged.stream()
                .filter(record -> record.getThrown() != null
                        || formatter.formatMessage(record).contains(model)
                        || formatter.formatMessage(record).contains("dead letter"))
                .map(record -> record.getLoggerName() + ": " + formatter.formatMessage(record))
                .toList();
        assertThat(logged)
                .as("no stack trace for a request naming an unknown model")
                .noneMatch(record -> record.getThrown() != null);
        assertThat(aboutIt).as("one line for the dead-lettered record").hasSize(1);
    }

    @Test
    void plansAndTheReportNameTheRewardModelsAndSayTheyAreRuleBased() {
        String planningId = "planning-" + UUID.randomUUID();
        request(
                planningId,
                1,
                ModelRegistry.REFERENCE_TARGET,
                BuiltinScenarios.all().get(7));
        await().atMost(Liveness.PATIENCE)
                .until(() -> given().get("/plannings/{id}", planningId).statusCode() == 200
                        && progress(planningId).getString("status").equals("COMPLETED"));

        given().get("/plannings/{id}/plans", planningId)
                .then()
                .statusCode(200)
                .body("[0].rewardModels.targetModel", equalTo(ModelRegistry.REFERENCE_TARGET))
                .body("[0].rewardModels.targetReference", equalTo(true))
                .body("[0].rewardModels.judgeModel", equalTo(ModelRegistry.REFERENCE_JUDGE))
                .body("[0].rewardModels.judgeReference", equalTo(true));
        given().get("/plannings/{id}/report", planningId)
                .then()
                .statusCode(200)
                .body("rewardModels[0].targetModel", equalTo(ModelRegistry.REFERENCE_TARGET))
                .body("note", containsString("rule-based reference models"))
                .body("note", containsString(ModelRegistry.REFERENCE_JUDGE));
    }
}
