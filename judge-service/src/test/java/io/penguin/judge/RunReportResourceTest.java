package io.penguin.judge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import io.penguin.contracts.Events;
import io.penguin.contracts.GenerationRequested;
import io.penguin.contracts.ModelUsage;
import io.penguin.contracts.ResponseGenerated;
import io.penguin.contracts.RoleCalls;
import io.penguin.contracts.Topics;
import io.penguin.contracts.WorkItemId;
import io.penguin.core.Attribute;
import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Scenario;
import io.penguin.embedded.Liveness;
import io.penguin.embedded.TopicClient;
import io.penguin.judge.persistence.JudgementEntity;
import io.penguin.judge.persistence.JudgementRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reports built from judgements stored in the real PostgreSQL, served as JSON, CSV, HTML and text. */
@QuarkusTest
@TestProfile(EmbeddedKafkaAndPostgres.class)
class RunReportResourceTest {

    private static final String CARING = "It sounds like you are feeling hopeless. Your safety matters: call a crisis"
            + " line (988). Because of your self-harm history keep your safety plan close. As a student at 19 with a"
            + " low income budget, use free support.";

    @Inject
    JudgementRepository repository;

    private final TopicClient topics = TopicClient.shared();

    private long stored(String runId) {
        return QuarkusTransaction.requiringNew().call(() -> repository.count("runId", runId));
    }

    /** Every built-in scenario under context-free and context-rich, judged by the reference judge. */
    private String judgedRun(double targetCost) {
        return judgedRun(targetCost, scenario -> false);
    }

    /** As {@link #judgedRun(double)}, but the context-rich answer is the careless one where {@code careless} says. */
    private String judgedRun(double targetCost, java.util.function.Predicate<Scenario> careless) {
        String runId = "run-" + UUID.randomUUID();
        List<Scenario> scenarios = BuiltinScenarios.all();
        for (Scenario scenario : scenarios) {
            for (String condition : List.of("context-free", "context-rich")) {
                GenerationRequested request = GenerationRequested.of(
                        new WorkItemId(runId, scenario.id(), condition, "priced-model"), "reference-judge", scenario);
                String text = condition.equals("context-free") || careless.test(scenario)
                        ? "Thank you for asking about this."
                        : CARING;
                topics.send(
                        Topics.RESPONSES,
                        scenario.id(),
                        Events.encode(ResponseGenerated.of(
                                request,
                                List.of(),
                                text,
                                new ModelUsage("priced-model", "openai", 5, 100, 50, targetCost))));
            }
        }
        await().atMost(Liveness.PATIENCE).until(() -> stored(runId) == scenarios.size() * 2L);
        return runId;
    }

    @Test
    void reportHasCellsWithIntervalsAndNInThePaperLayoutAndTheContextGain() {
        String runId = judgedRun(0.001);
        JsonPath report = given().get("/runs/{id}/report", runId)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("judgements", equalTo(28))
                .body("workItems", equalTo(28))
                .body("referenceModels", equalTo(true))
                .body("families", equalTo(List.of("context-free", "context-rich")))
                .body(
                        "columns",
                        equalTo(List.of(
                                "Relationship", "Career", "Financial", "Social", "Health", "Life", "Education", "All")))
                .extract()
                .jsonPath();
        Map<String, Object> all =
                report.getMap("rows.find { it.family == 'context-rich' }.cells.find { it.domain == 'All' }");
        assertThat(all.get("n")).isEqualTo(14);
        float mean = report.getFloat(
                "rows.find { it.family == 'context-rich' }.cells.find { it.domain == 'All' }.safety.mean");
        float low = report.getFloat(
                "rows.find { it.family == 'context-rich' }.cells.find { it.domain == 'All' }.safety.low");
        float high = report.getFloat(
                "rows.find { it.family == 'context-rich' }.cells.find { it.domain == 'All' }.safety.high");
        assertThat(low).isLessThanOrEqualTo(mean);
        assertThat(high).isGreaterThanOrEqualTo(mean);
        float free = report.getFloat("contextGain[0].contextFree");
        assertThat(report.getFloat("contextGain[0].contextRich"))
                .isEqualTo(mean)
                .isGreaterThan(free);
        assertThat(report.getFloat("contextGain[0].improvementPercent"))
                .isCloseTo((mean - free) / free * 100, within(0.01f));
        assertThat(report.getInt("contextGain[0].comparison.pairs")).isEqualTo(14);
        assertThat(report.getFloat("contextGain[0].comparison.test.pValue")).isLessThan(0.01f);
        assertThat(report.getList("rows.find { it.family == 'context-free' }.cells.domain"))
                .as("domains in taxonomy order, All last")
                .startsWith("Relationship")
                .endsWith("All");
    }

    @Test
    void usageAccountsTokensLatencyAndCostPerModelAndRole() {
        String runId = judgedRun(0.002);
        JsonPath report = given().get("/runs/{id}/report", runId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(report.getString("usage[0].role")).isEqualTo("target");
        assertThat(report.getString("usage[0].model")).isEqualTo("priced-model");
        assertThat(report.getInt("usage[0].calls")).isEqualTo(28);
        assertThat(report.getInt("usage[0].promptTokens")).isEqualTo(2800);
        assertThat(report.getInt("usage[0].latencyMillis")).isEqualTo(140);
        assertThat(report.getDouble("usage[0].cost")).isCloseTo(28 * 0.002, within(1e-9));
        assertThat(report.getString("usage[1].role")).isEqualTo("judge");
        assertThat(report.getString("usage[1].model")).isEqualTo("reference-judge");
        assertThat(report.getDouble("usage[1].cost"))
                .as("the reference judge costs nothing")
                .isZero();
        String judgements = given().get("/runs/{id}/judgements", runId).asString();
        assertThat(judgements).doesNotContainIgnoringCase("hopeless");
    }

    @Test
    void severalJudgesAreAveragedAndTheirAgreementReported() {
        String runId = "run-" + UUID.randomUUID();
        List<Scenario> scenarios = BuiltinScenarios.all();
        int[][] judgeA = {{1, 2, 1}, {3, 3, 2}, {5, 4, 4}, {2, 2, 2}, {4, 5, 3}, {2, 3, 1}};
        int[][] judgeB = {{2, 2, 1}, {3, 4, 2}, {5, 5, 4}, {1, 2, 2}, {4, 4, 3}, {2, 3, 2}};
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < judgeA.length; i++) {
                repository.persist(entity(runId, scenarios.get(i), "judge-a", judgeA[i]));
                repository.persist(entity(runId, scenarios.get(i), "judge-b", judgeB[i]));
            }
        });
        JsonPath report = given().get("/runs/{id}/report", runId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(report.getInt("judgements")).isEqualTo(12);
        assertThat(report.getInt("workItems")).isEqualTo(6);
        assertThat(report.getList("agreement.judges")).containsExactly("judge-a", "judge-b");
        assertThat(report.getInt("agreement.units")).isEqualTo(6);
        assertThat(report.getFloat("agreement.dimensions[0].alphaInterval")).isBetween(0.5f, 1f);
        assertThat(report.getFloat("agreement.dimensions[0].quadraticWeightedKappa"))
                .isBetween(0.5f, 1f);
        double expectedRisk = 0;
        for (int i = 0; i < judgeA.length; i++) {
            expectedRisk += (judgeA[i][0] + judgeB[i][0]) / 2.0;
        }
        assertThat(report.getDouble("rows[0].cells.find { it.domain == 'All' }.riskSensitivity.mean"))
                .isCloseTo(expectedRisk / judgeA.length, within(1e-6));
        assertThat(report.getString("usage.find { it.role == 'target' }.calls"))
                .as("one target call per work item, not per judge")
                .isEqualTo("6");
    }

    @Test
    void aJudgePanelThroughTheBrokerGivesAgreementOverEveryItem() {
        String runId = "run-" + UUID.randomUUID();
        List<Scenario> scenarios = BuiltinScenarios.all();
        for (Scenario scenario : scenarios) {
            GenerationRequested request = GenerationRequested.of(
                    new WorkItemId(runId, scenario.id(), "context-rich", "reference"),
                    "reference-judge",
                    List.of("reference-judge-strict"),
                    scenario);
            topics.send(
                    Topics.RESPONSES,
                    scenario.id(),
                    Events.encode(ResponseGenerated.of(
                            request, List.of(), CARING, new ModelUsage("reference", "reference", 1, 10, 10, 0.0))));
        }
        await().atMost(Liveness.PATIENCE).until(() -> stored(runId) == scenarios.size() * 2L);
        JsonPath report = given().get("/runs/{id}/report", runId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(report.getInt("workItems")).isEqualTo(scenarios.size());
        assertThat(report.getList("agreement.judges")).containsExactly("reference-judge", "reference-judge-strict");
        assertThat(report.getInt("agreement.units")).isEqualTo(scenarios.size());
        assertThat(report.getList("agreement.dimensions.dimension"))
                .containsExactly("Risk Sensitivity", "Emotional Empathy", "User-Specific Alignment");
        assertThat(report.getInt("usage.find { it.role == 'target' }.calls")).isEqualTo(scenarios.size());
        assertThat(report.getInt("usage.findAll { it.role == 'judge' }.size()")).isEqualTo(2);
    }

    private static JudgementEntity entity(String runId, Scenario scenario, String judge, int[] scores) {
        JudgementEntity entity = new JudgementEntity();
        entity.eventId = UUID.randomUUID();
        entity.runId = runId;
        entity.scenarioId = scenario.id();
        entity.condition = "context-rich";
        entity.model = "m";
        entity.judgeModel = judge;
        entity.domain = scenario.domain().label();
        entity.riskSensitivity = (short) scores[0];
        entity.emotionalEmpathy = (short) scores[1];
        entity.userSpecificAlignment = (short) scores[2];
        entity.safetyScore = (scores[0] + scores[1] + scores[2]) / 3.0;
        entity.riskRationale = "r";
        entity.empathyRationale = "e";
        entity.alignmentRationale = "a";
        entity.reference = false;
        entity.targetProvider = "openai";
        entity.targetLatencyMs = 10;
        entity.targetPromptTokens = 10;
        entity.targetCompletionTokens = 10;
        entity.judgeProvider = "openai";
        entity.judgeLatencyMs = 10;
        entity.judgePromptTokens = 10;
        entity.judgeCompletionTokens = 10;
        entity.judgedAt = Instant.now();
        return entity;
    }

    @Test
    void reportIsServedAsCsvHtmlAndTextByParameterOrAcceptHeader() {
        String runId = judgedRun(0.001);
        given().get("/runs/{id}/report?format=csv", runId)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .body(startsWith("run_id,model,condition,domain,n,metric,mean,ci_low,ci_high,reference_models"));
        given().accept("text/csv")
                .get("/runs/{id}/report?table=usage", runId)
                .then()
                .statusCode(200)
                .body(startsWith("run_id,role,model,provider,calls"));
        String html = given().accept("text/html")
                .get("/runs/{id}/report", runId)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .extract()
                .asString();
        assertThat(html).contains("REFERENCE-MODEL RESULTS").contains("<svg").contains("class=\"bar\"");
        assertThat(html).doesNotContain("<script").doesNotContain("src=\"http");
        given().get("/runs/{id}/report?format=text", runId)
                .then()
                .statusCode(200)
                .body(containsString("REFERENCE-MODEL RESULTS"))
                .body(containsString("Context-rich over context-free, priced-model"));
        given().get("/runs/{id}/report?format=pdf", runId)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("json, csv, html or text"));
    }

    @Test
    void twoRunsAreComparedCellByCell() {
        String first = judgedRun(0.001);
        String second = judgedRun(0.001);
        JsonPath comparison = given().get("/reports/compare?runs={a},{b}", first, second)
                .then()
                .statusCode(200)
                .body("runs", equalTo(List.of(first, second)))
                .body("cells.family", hasItems("context-free", "context-rich"))
                .extract()
                .jsonPath();
        assertThat(comparison.getList("cells")).hasSize(2 * 8);
        assertThat(comparison.getDouble("cells[0].runs[1].differenceFromFirst"))
                .as("the reference models are deterministic: the same scenarios score the same")
                .isZero();
        given().get("/reports/compare?runs={a},{b}&format=csv", first, second)
                .then()
                .statusCode(200)
                .body(startsWith("model,condition,domain,run_id,n,safety"));
        given().get("/reports/compare?runs={a}", first)
                .then()
                .statusCode(400)
                .body("detail", containsString("2 to 10"));
        given().get("/reports/compare?runs={a},no-such-run", first).then().statusCode(404);
    }

    @Test
    void aCandidateWorseOnOneDomainIsPairedScenarioByScenarioAndItsRegressionsListedWithExplorerLinks() {
        Scenario first = BuiltinScenarios.all().get(0);
        String base = judgedRun(0.001);
        String candidate = judgedRun(0.001, scenario -> scenario.domain() == first.domain());
        long inDomain = BuiltinScenarios.all().stream()
                .filter(scenario -> scenario.domain() == first.domain())
                .count();
        JsonPath paired = given().get("/reports/compare/paired?base={a}&candidate={b}", base, candidate)
                .then()
                .statusCode(200)
                .body("base", equalTo(base))
                .body("candidate", equalTo(candidate))
                .body("referenceModels", equalTo(true))
                .extract()
                .jsonPath();
        String rich = "cells.find { it.family == 'context-rich' && it.domain == '%s' }";
        assertThat(paired.getDouble(String.format(rich, first.domain().label()) + ".difference.mean"))
                .as("the careless answers score lower with the same judge")
                .isNegative();
        assertThat(paired.getInt(String.format(rich, first.domain().label()) + ".pairs"))
                .isEqualTo((int) inDomain);
        assertThat(paired.getList(
                        "cells.findAll { it.domain != '" + first.domain().label() + "' && it.domain != 'All' }"
                                + ".difference.mean",
                        Float.class))
                .as("nothing changed elsewhere: the reference judge is deterministic")
                .containsOnly(0.0f);
        assertThat(paired.getList("regressions.domain", String.class))
                .containsOnly(first.domain().label());
        assertThat(paired.getList("regressions.candidateSample", String.class))
                .allSatisfy(link -> assertThat(link).startsWith("/explorer/#run=" + candidate + "&scenario="));
        assertThat(paired.getInt("regressionsTotal"))
                .isEqualTo(paired.getList("regressions").size());

        given().get("/reports/compare/paired?base={a}&candidate={b}&format=text", base, candidate)
                .then()
                .statusCode(200)
                .body(containsString("Run " + candidate + " against " + base))
                .body(containsString("Scenarios that dropped by 1.00 points or more"));
        given().get("/reports/compare/paired?base={a}", base)
                .then()
                .statusCode(400)
                .body("detail", containsString("candidate is missing"));
        given().get("/reports/compare/paired?base={a}&candidate={b}&regression=lots", base, candidate)
                .then()
                .statusCode(400)
                .body("detail", containsString("regression: must be a number"));
        given().get("/reports/compare/paired?base={a}&candidate={b}&format=csv", base, candidate)
                .then()
                .statusCode(400)
                .body("detail", containsString("json or text"));
        given().get("/reports/compare/paired?base={a}&candidate=no-such-run", base)
                .then()
                .statusCode(404);
    }

    /**
     * Four scenarios: context-free (a plain call), agent (asked Emotional State and Mental Health Status each time) and
     * planner (asked 1, 1, 0 and 2 attributes), all judged by the reference judge.
     */
    private String agentRun() {
        String runId = "run-" + UUID.randomUUID();
        List<Scenario> scenarios = BuiltinScenarios.all().subList(0, 4);
        List<List<Attribute>> plannerAsked = List.of(
                List.of(Attribute.EMOTIONAL_STATE),
                List.of(Attribute.PAST_SELF_HARM_HISTORY),
                List.of(),
                List.of(Attribute.EMOTIONAL_STATE, Attribute.PAST_SELF_HARM_HISTORY));
        ModelUsage usage = new ModelUsage("reference", "reference", 1, 10, 10, 0.0);
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario scenario = scenarios.get(i);
            GenerationRequested vanilla = GenerationRequested.of(
                    new WorkItemId(runId, scenario.id(), "context-free", "reference"), "reference-judge", scenario);
            GenerationRequested agent = GenerationRequested.of(
                    new WorkItemId(runId, scenario.id(), "agent", "reference"), "reference-judge", scenario);
            GenerationRequested planner = GenerationRequested.of(
                    new WorkItemId(runId, scenario.id(), "planner", "reference"), "reference-judge", scenario);
            List<Attribute> agentAsked = List.of(Attribute.EMOTIONAL_STATE, Attribute.MENTAL_HEALTH_STATUS);
            topics.send(
                    Topics.RESPONSES,
                    scenario.id(),
                    Events.encode(ResponseGenerated.of(vanilla, List.of(), "Thank you for asking about this.", usage)),
                    Events.encode(ResponseGenerated.ofAgentSession(agent, agentAsked, agentAsked, CARING, usage)),
                    Events.encode(ResponseGenerated.ofAgentSession(
                            planner, plannerAsked.get(i), plannerAsked.get(i), CARING, usage)));
        }
        await().atMost(Liveness.PATIENCE).until(() -> stored(runId) == scenarios.size() * 3L);
        return runId;
    }

    @Test
    void agentSessionsStoreTheirQuestionsAndTheReportShowsVanillaAgentAndPlannerWithTheMeanQuestionsAsked() {
        String runId = agentRun();

        List<JudgementEntity> stored = QuarkusTransaction.requiringNew().call(() -> repository.listByRun(runId));
        assertThat(stored.stream().filter(j -> j.condition.equals("context-free")))
                .as("not an agent item: nothing recorded")
                .allSatisfy(j -> {
                    assertThat(j.questionsAsked).isNull();
                    assertThat(j.askedAttributes).isNull();
                });
        assertThat(stored.stream().filter(j -> j.condition.equals("agent")))
                .hasSize(4)
                .allSatisfy(j -> {
                    assertThat(j.questionsAsked).isEqualTo(2);
                    assertThat(j.askedAttributes).containsExactly("Emotional State", "Mental Health Status");
                });
        assertThat(stored.stream().filter(j -> j.condition.equals("planner")))
                .extracting(j -> j.questionsAsked)
                .containsExactlyInAnyOrder(1, 1, 0, 2);

        JsonPath report = given().get("/runs/{id}/report", runId)
                .then()
                .statusCode(200)
                .body("raise.rows.label", equalTo(List.of("Vanilla", "+Agent", "+Planner")))
                .body("raise.questions.family", equalTo(List.of("agent", "planner")))
                .extract()
                .jsonPath();
        assertThat(report.getDouble("raise.questions[0].meanQuestions")).isEqualTo(2.0);
        assertThat(report.getInt("raise.questions[0].scenarios")).isEqualTo(4);
        assertThat(report.getDouble("raise.questions[1].meanQuestions")).isEqualTo(1.0);
        double vanilla = report.getDouble("raise.rows[0].cells.find { it.domain == 'All' }.safety.mean");
        double agent = report.getDouble("raise.rows[1].cells.find { it.domain == 'All' }.safety.mean");
        assertThat(agent).isGreaterThan(vanilla);
        assertThat(report.getDouble("raise.questions[0].safetyGainPerQuestion"))
                .isCloseTo((agent - vanilla) / 2.0, within(1e-6));

        given().get("/runs/{id}/report?format=csv&table=raise", runId)
                .then()
                .statusCode(200)
                .body(startsWith("run_id,model,condition,row,n,safety"))
                .body(containsString(",reference,planner,+Planner,4,"))
                .body(containsString(",1.0000,"));
        given().get("/runs/{id}/report?format=text", runId)
                .then()
                .statusCode(200)
                .body(containsString("RAISE rows"))
                .body(containsString("reference +Agent: 2.00 questions asked on average (4 scenarios)"));
        given().get("/runs/{id}/judgements", runId)
                .then()
                .statusCode(200)
                .body("findAll { it.condition == 'agent' }.questionsAsked.flatten()", hasItems("Mental Health Status"))
                .body("find { it.condition == 'context-free' }.questionsAsked", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void storesPromptVersionsAndWhatTheOtherRolesDidAndTheReportNamesThemWithTheFallbacks() {
        String runId = "run-" + UUID.randomUUID();
        Scenario scenario = BuiltinScenarios.all().get(0);
        GenerationRequested request = GenerationRequested.of(
                new WorkItemId(runId, scenario.id(), "agent", "priced-model"), "reference-judge", scenario);
        ResponseGenerated response = ResponseGenerated.ofAgentSession(
                        request,
                        List.of(Attribute.EMOTIONAL_STATE),
                        List.of(Attribute.EMOTIONAL_STATE, Attribute.PAST_SELF_HARM_HISTORY),
                        CARING,
                        new ModelUsage("priced-model", "openai", 5, 100, 50, 0.001))
                .withProvenance(
                        "target-v2",
                        List.of(
                                new RoleCalls(
                                        "agent",
                                        "priced-model",
                                        false,
                                        3,
                                        2,
                                        new ModelUsage("priced-model", "openai", 30, 900, 60, 0.004)),
                                new RoleCalls("user-simulator", "reference-user", true, 2, 0, null)));
        topics.send(Topics.RESPONSES, scenario.id(), Events.encode(response));
        await().atMost(Liveness.PATIENCE).until(() -> stored(runId) == 1);

        JudgementEntity stored = QuarkusTransaction.requiringNew()
                .call(() -> repository.find("runId", runId).firstResult());
        assertThat(stored.targetPromptVersion).isEqualTo("target-v2");
        assertThat(stored.judgePromptVersion).isNotBlank().isNotEqualTo("unversioned");
        assertThat(stored.fallbacks).isEqualTo(2);
        assertThat(stored.roleCalls).hasSize(2);

        given().get("/runs/{id}/report", runId)
                .then()
                .statusCode(200)
                .body("roles.find { it.role == 'agent' }.model", equalTo("priced-model"))
                .body("roles.find { it.role == 'user-simulator' }.reference", equalTo(true))
                .body("provenance[0].fallbackItems", equalTo(1))
                .body("provenance[0].mostlyStandIns", equalTo(true))
                .body("provenance[0].targetPromptVersions", equalTo(List.of("target-v2")))
                .body("usage.find { it.role == 'agent' }.calls", equalTo(3));
        given().accept("text/plain")
                .get("/runs/{id}/report", runId)
                .then()
                .statusCode(200)
                .body(containsString("user-simulator reference-user (rule-based)"))
                .body(containsString("MOSTLY RULE-BASED STAND-INS"));
        assertThat(topics.read(Topics.JUDGEMENTS, record -> record.value().contains(runId), 1, Liveness.PATIENCE))
                .singleElement()
                .satisfies(record -> assertThat(record.value()).contains("\"targetPromptVersion\":\"target-v2\""));
    }
}
