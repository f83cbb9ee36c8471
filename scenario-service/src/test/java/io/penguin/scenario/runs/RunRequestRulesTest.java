package io.penguin.scenario.runs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Scenario;
import io.penguin.scenario.catalog.llm.FakeLlmOnEmbeddedInfrastructure;
import io.penguin.scenario.catalog.persistence.ScenarioEntity;
import io.penguin.scenario.catalog.persistence.ScenarioSource;
import io.penguin.scenario.catalog.persistence.Split;
import io.penguin.scenario.runs.service.RunService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * What {@code POST /runs} refuses before any work item exists, with a problem naming the field; here with a model
 * endpoint ({@code writer}, on the fake server) configured, as a platform team's deployment has.
 */
@QuarkusTest
@TestProfile(FakeLlmOnEmbeddedInfrastructure.class)
class RunRequestRulesTest {

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager entities;

    private static void refused(String body, String detail) {
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/runs")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString(detail));
    }

    @Test
    void anLlmTargetWithTheRuleBasedJudgeIsRefusedUnlessTheRequestAllowsIt() {
        refused(
                "{\"models\":[\"writer\"],\"conditions\":[\"context-free\"],\"limit\":1}",
                "name an LLM judge with judgeModel");
        given().contentType(ContentType.JSON)
                .body("{\"models\":[\"writer\"],\"conditions\":[\"context-free\"],\"limit\":1,"
                        + "\"allowReferenceJudge\":true}")
                .post("/runs")
                .then()
                .statusCode(202);
        given().contentType(ContentType.JSON)
                .body("{\"models\":[\"writer\"],\"judgeModel\":\"writer\",\"conditions\":[\"context-free\"],"
                        + "\"limit\":1}")
                .post("/runs")
                .then()
                .statusCode(202);
    }

    @Test
    void theReferenceTargetWithTheReferenceJudgeNeedsNoPermission() {
        given().contentType(ContentType.JSON)
                .body("{\"models\":[\"reference\"],\"conditions\":[\"context-free\"],\"limit\":1}")
                .post("/runs")
                .then()
                .statusCode(202);
    }

    @Test
    void aNullOrBlankEntryInAListIsRefusedNamingItsIndex() {
        refused("{\"scenarioIds\":[null]}", "scenarioIds[0]: must be a non-empty string");
        refused("{\"conditions\":[\"context-free\",null]}", "conditions[1]: must be a non-empty string");
        refused("{\"models\":[\" \"]}", "models[0]: must be a non-empty string");
        refused("{\"issues\":[null]}", "issues[0]");
    }

    @Test
    void moreIdsThanASelectionTakesAreRefusedWithTheLimit() {
        String ids = String.join(",", Collections.nCopies(RunService.MAX_LISTED + 1, "\"builtin-1\""));
        refused("{\"scenarioIds\":[" + ids + "]}", "scenarioIds: at most " + RunService.MAX_LISTED + " entries");
    }

    @Test
    void aScenarioStoredUnderOlderLooserRulesIsRefusedBeforeTheRunIsStored() {
        String id = "legacy-" + java.util.UUID.randomUUID();
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            // as an import before the Age rule stored it: free text where whole years or a band belong
            ScenarioEntity legacy = new ScenarioEntity();
            legacy.id = id;
            Scenario builtin = BuiltinScenarios.all().get(0);
            legacy.domain = builtin.domain().label();
            legacy.subcategory = builtin.subcategory();
            legacy.issue = builtin.issue();
            legacy.query = builtin.query();
            java.util.Map<String, String> profile =
                    new java.util.LinkedHashMap<>(builtin.profile().toLabels());
            profile.put("Age", "late twenties");
            legacy.profile = profile;
            legacy.split = Split.TEST;
            legacy.source = ScenarioSource.IMPORTED;
            legacy.createdAt = java.time.Instant.now();
            entities.persist(legacy);
        });
        long runsBefore = runs();

        refused("{\"scenarioIds\":[\"" + id + "\"],\"conditions\":[\"context-free\"]}", "Age: expected whole years");

        assertThat(runs())
                .as("no run stored for a request that cannot be published")
                .isEqualTo(runsBefore);
    }

    private long runs() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> entities.createQuery("select count(r) from RunEntity r", Long.class)
                        .getSingleResult());
    }
}
