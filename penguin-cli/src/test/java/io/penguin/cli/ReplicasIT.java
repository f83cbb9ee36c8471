package io.penguin.cli;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.penguin.cli.load.FakeLlmOptions;
import io.penguin.cli.platform.Platform;
import io.penguin.cli.platform.Replicas;
import io.penguin.cli.platform.ServiceProcess;
import io.penguin.cli.platform.ServiceSpec;
import io.penguin.contracts.Events;
import io.penguin.contracts.JudgementRecorded;
import io.penguin.contracts.Topics;
import io.penguin.contracts.WorkItemId;
import io.penguin.embedded.Liveness;
import io.penguin.embedded.TopicClient;
import io.penguin.fakellm.FakeLlmServer;
import io.penguin.fakellm.FakeReply;
import io.penguin.fakellm.RoleAwareResponder;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Two processes of every consumer service (scenario-, generation-, judge-, planner-service and agent-gateway's
 * simulated sessions) in one consumer group each, as Kubernetes runs replicas: a planning job and runs with agent
 * conditions are judged exactly once per work item, also when one replica of each service that has a run's work in
 * flight is SIGKILLed mid-run and the others take its partitions. The target and the judge are a fake endpoint with
 * 200 ms latency, so that a run lasts long enough to be interrupted; the other roles are the reference models.
 *
 * Re-drive works across replicas (failures recorded by either scenario-service, the re-driven items judged once),
 * and a planning job survives one planner replica's SIGKILL with every scenario planned once.
 *
 * <p>The tests run in order: the kill test leaves one replica of the killed services for the tests after it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {

    private static final String JUDGE = "fake-judge";
    private static final List<String> CONDITIONS = List.of("context-free", "context-rich", "agent", "planner");
    private static final List<String> KILLED =
            List.of(ServiceSpec.GENERATION, ServiceSpec.JUDGE, ServiceSpec.GATEWAY, ServiceSpec.SCENARIO);
    private static final Pattern DONE =
            Pattern.compile("^penguin_work_items_total\\{[^}]*outcome=\"done\"[^}]*\\} ([0-9.eE+-]+)$");

    private FakeLlmServer fake;
    private Platform platform;
    private String scenario;
    private String lastRun;

    /**
     * On a failure, what every process stood at: the last run's progress, items finished and in flight, and the last
     * warnings each logged (the services never log profile values), so that a failure in CI says where it stuck.
     */
    @RegisterExtension
    final TestExecutionExceptionHandler reportWhereItStood = (context, failure) -> {
        System.out.println("== " + context.getDisplayName() + " failed: " + failure.getMessage());
        try {
            if (lastRun != null) {
                System.out.println("run " + lastRun + ": " + run(lastRun).prettify());
            }
            System.out.println("work items done per process: " + doneByProcess());
            System.out.println("in flight per process: " + inFlightByProcess());
        } catch (RuntimeException | AssertionError e) {
            System.out.println("(progress unreadable: " + e + ")");
        }
        for (String service : ServiceSpec.all().stream().map(ServiceSpec::name).toList()) {
            for (ServiceProcess process : platform.replicas(service)) {
                System.out.println(
                        "-- " + process.name() + (process.isAlive() ? "" : " (not running)") + ", last warnings:");
                process.warnings(8).forEach(line -> System.out.println("   " + line));
            }
        }
        throw failure;
    };

    @BeforeAll
    void startTwoReplicasOfEveryService() {
        fake = FakeLlmServer.builder()
                .latency(Duration.ofMillis(200))
                .responder(new RoleAwareResponder())
                .start();
        Map<String, String> settings = new LinkedHashMap<>(FakeLlmOptions.endpoint(fake, 8));
        String judge = "penguin.models.endpoints." + JUDGE + ".";
        settings.put(judge + "base-url", fake.baseUrl());
        settings.put(judge + "model", JUDGE);
        settings.put(judge + "concurrency", "8");
        settings.put(judge + "timeout", "60s");
        // one retry, so that the re-drive test's scripted failures exhaust an item's budget in two calls, and a
        // circuit that stays closed through them (open, it would fail the re-driven items and the next run's too)
        settings.put("penguin.models.endpoints." + FakeLlmOptions.MODEL + ".max-retries", "1");
        settings.put("penguin.models.endpoints." + FakeLlmOptions.MODEL + ".circuit-failures", "1000");
        // A small in-flight window, so that items stream through every replica instead of all being admitted at once
        // (the gateway's dialogues would then all finish together near the end) and each SIGKILL hits work in flight.
        settings.put("penguin.consumer.min-in-flight", "16");
        settings.put("penguin.consumer.max-in-flight", "32");
        platform = Platform.start(
                SharedPlatform.home(),
                SharedPlatform.home().resolve("penguin-cli/target/penguin-replicas"),
                Duration.ofMinutes(5),
                System.out,
                settings,
                Replicas.parse(ServiceSpec.all().stream()
                        .map(spec -> spec.name() + "=2")
                        .collect(Collectors.joining(","))));
        scenario = platform.url(ServiceSpec.SCENARIO).toString();
        String job = given().baseUri(scenario)
                .contentType(ContentType.JSON)
                .body(Map.of("seed", 7, "profilesPerIssue", 2, "queriesPerProfile", 2))
                .post("/catalog/writing-jobs")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        await().atMost(Liveness.PATIENCE)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> !"RUNNING"
                        .equals(given().baseUri(scenario)
                                .get("/catalog/writing-jobs/{id}", job)
                                .path("status")));
    }

    @AfterAll
    void stopEverything() {
        if (platform != null) {
            platform.close();
        }
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    @Order(1)
    void aPlanningJobOnTwoPlannerReplicasPlansEveryScenarioOnceAndBothGatewaysIndexThePlans() {
        JsonPath accepted = given().baseUri(scenario)
                .contentType(ContentType.JSON)
                .body(Map.of("source", "builtin", "split", "train", "budget", 3))
                .post("/plannings")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
        String planningId = accepted.getString("planningId");
        int scenarios = accepted.getInt("scenarios");
        assertThat(scenarios).isPositive();
        // the planner answers 404 until its first plan is stored
        await().atMost(Liveness.PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> "COMPLETED".equals(planning(planningId).getString("status")));
        for (ServiceProcess planner : platform.replicas(ServiceSpec.PLANNER)) {
            JsonPath progress = given().baseUri(planner.baseUri().toString())
                    .get("/plannings/{id}", planningId)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(progress.getInt("total")).as(planner.name()).isEqualTo(scenarios);
            assertThat(progress.getLong("planned")).as(planner.name()).isEqualTo(scenarios);
            assertThat(progress.getLong("failed")).as(planner.name()).isZero();
            assertThat(progress.getLong("pending")).as(planner.name()).isZero();
        }
        for (ServiceProcess gateway : platform.replicas(ServiceSpec.GATEWAY)) {
            await().atMost(Liveness.PATIENCE)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> indexedPlans(gateway) >= scenarios);
        }
    }

    @Test
    @Order(2)
    void aRunWithAgentConditionsIsJudgedOncePerWorkItemAndEveryReplicaTakesAShare() {
        Map<String, Long> before = doneByProcess();
        String runId = startRun(100, 1);
        awaitCompleted(runId);

        assertRunExact(runId, 100);
        Map<String, Long> after = doneByProcess();
        for (String service : List.of(ServiceSpec.GENERATION, ServiceSpec.JUDGE, ServiceSpec.GATEWAY)) {
            for (ServiceProcess replica : platform.replicas(service)) {
                assertThat(after.get(replica.name()) - before.get(replica.name()))
                        .as("work items %s finished", replica.name())
                        .isPositive();
            }
        }
    }

    @Test
    @Order(3)
    void itemsFailedOnEitherReplicaAreListedAndReDrivenToOneJudgementEach() {
        int scenarios = 6;
        // every generation call of the run fails: two attempts per item, no judge call comes before a response
        fake.enqueue(IntStream.range(0, 2 * scenarios)
                .mapToObj(i -> FakeReply.status(500))
                .toArray(FakeReply[]::new));
        String runId = startRun(scenarios, 3, List.of("context-free"));
        await().atMost(Liveness.PATIENCE)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> "COMPLETED".equals(run(runId).getString("status")));
        assertThat(run(runId).getLong("failed")).isEqualTo(scenarios);
        List<Map<String, Object>> failures = given().baseUri(scenario)
                .get("/runs/{id}/failures", runId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(failures)
                .hasSize(scenarios)
                .allSatisfy(failure -> assertThat(failure.get("stage")).isEqualTo("generation"));

        int republished = given().baseUri(scenario)
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/runs/{id}/redrive", runId)
                .then()
                .statusCode(200)
                .extract()
                .path("republished");
        assertThat(republished).isEqualTo(scenarios);
        awaitCompleted(runId);
        assertRunExact(runId, scenarios, List.of("context-free"));
    }

    @Test
    @Order(4)
    void killingOneReplicaOfEachServiceMidRunLeavesTheRunExactlyJudged() {
        String runId = startRun(250, 2);
        long total = run(runId).getLong("total");
        Map<String, Long> before = doneByProcess();
        // Kill once a quarter is judged and every replica to be killed has finished items of this run, so that each
        // dies with work done and work in flight (the gateway's dialogues take longer and finish later).
        await().atMost(Liveness.PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
            long judged = run(runId).getLong("judged");
            long fewest = finishedSince(before);
            assertThat(judged)
                    .as("judged before every replica to be killed had finished an item (fewest %d)", fewest)
                    .isLessThan(total);
            return judged >= total / 4 && fewest > 0;
        });
        for (String service : KILLED) {
            platform.kill(Platform.replicaName(service, 2));
        }
        assertThat(run(runId).getLong("judged"))
                .as("the run still had work in flight when the replicas were killed")
                .isLessThan(total);

        awaitCompleted(runId);
        assertRunExact(runId, 250);
        for (String service : KILLED) {
            assertThat(platform.service(service).isAlive()).as(service).isTrue();
            assertThat(platform.service(Platform.replicaName(service, 2)).isAlive())
                    .isFalse();
        }
    }

    @Test
    @Order(5)
    void killingOnePlannerReplicaMidJobLeavesEveryScenarioPlannedOnce() {
        JsonPath accepted = given().baseUri(scenario)
                .contentType(ContentType.JSON)
                .body(Map.of("source", "generated", "split", "any", "sample", 300, "budget", 3, "seed", 11))
                .post("/plannings")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
        String planningId = accepted.getString("planningId");
        int scenarios = accepted.getInt("scenarios");
        ServiceProcess killed = platform.service(Platform.replicaName(ServiceSpec.PLANNER, 2));
        long before = plansDone(killed);
        await().atMost(Liveness.PATIENCE)
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(() -> planning(planningId).getLong("planned") >= scenarios / 4 && plansDone(killed) > before);
        platform.kill(killed.name());
        assertThat(planning(planningId).getLong("planned"))
                .as("the job still had plans to make when the planner was killed")
                .isLessThan(scenarios);

        await().atMost(Liveness.PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> "COMPLETED".equals(planning(planningId).getString("status")));
        JsonPath progress = planning(planningId);
        assertThat(progress.getLong("planned")).isEqualTo(scenarios);
        assertThat(progress.getLong("failed")).isZero();
        assertThat(storedPlans(planningId))
                .as("one stored plan per scenario")
                .isEqualTo(List.of((long) scenarios, (long) scenarios));
    }

    private String startRun(int sample, long seed) {
        return startRun(sample, seed, CONDITIONS);
    }

    private String startRun(int sample, long seed, List<String> conditions) {
        lastRun = given().baseUri(scenario)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "source",
                        "generated",
                        "sample",
                        sample,
                        "seed",
                        seed,
                        "models",
                        List.of(FakeLlmOptions.MODEL),
                        "conditions",
                        conditions,
                        "judgeModel",
                        JUDGE))
                .post("/runs")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        return lastRun;
    }

    /** Waits for the run to complete, checking on the way that progress never counts more than the run has. */
    private void awaitCompleted(String runId) {
        try {
            await().atMost(Liveness.PATIENCE)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        JsonPath run = run(runId);
                        assertThat(run.getLong("judged") + run.getLong("failed") + run.getLong("pending"))
                                .as("judged + failed + pending")
                                .isEqualTo(run.getLong("total"));
                        assertThat(run.getLong("failed"))
                                .as("failed work items")
                                .isZero();
                        return "COMPLETED".equals(run.getString("status"));
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "run " + runId + " did not complete; it stands at "
                            + run(runId).prettify() + "; in flight per process: " + inFlightByProcess(),
                    e);
        }
    }

    /** The pipelined stages' items in flight per process, from their metrics. */
    private Map<String, String> inFlightByProcess() {
        Map<String, String> inFlight = new LinkedHashMap<>();
        for (String service : List.of(ServiceSpec.GENERATION, ServiceSpec.JUDGE, ServiceSpec.GATEWAY)) {
            for (ServiceProcess replica : platform.replicas(service)) {
                if (!replica.isAlive()) {
                    continue;
                }
                String metrics = given().baseUri(platform.url(replica.name()).toString())
                        .get("/q/metrics")
                        .asString();
                inFlight.put(
                        replica.name(),
                        metrics.lines()
                                .filter(line -> line.startsWith("penguin_work_in_flight{"))
                                .collect(java.util.stream.Collectors.joining("; ")));
            }
        }
        return inFlight;
    }

    /**
     * Exactly one judgement per work item: in the run's progress, in judge-service's API, in its database, and on
     * {@code penguin.judgements}, where a redelivered item may be published again but only as the stored judgement
     * (the same event id).
     */
    private void assertRunExact(String runId, int scenarios) {
        assertRunExact(runId, scenarios, CONDITIONS);
    }

    private void assertRunExact(String runId, int scenarios, List<String> conditions) {
        JsonPath run = run(runId);
        long total = run.getLong("total");
        assertThat(total)
                .as("one work item per scenario and condition")
                .isEqualTo((long) scenarios * conditions.size());
        assertThat(run.getLong("judged")).isEqualTo(total);
        assertThat(run.getLong("failed")).isZero();
        assertThat(run.getLong("pending")).isZero();

        List<Map<String, Object>> judgements = given().baseUri(
                        platform.url(ServiceSpec.JUDGE).toString())
                .get("/runs/{id}/judgements", runId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(judgements).hasSize((int) total);
        assertThat(judgements.stream()
                        .map(j -> List.of(j.get("scenarioId"), j.get("condition"), j.get("model"), j.get("judgeModel")))
                        .distinct())
                .hasSize((int) total);
        assertThat(judgements.stream().map(j -> j.get("condition")).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(conditions);

        assertThat(storedJudgements(runId)).isEqualTo(total);

        Map<WorkItemId, Set<UUID>> published = new TopicClient(
                        platform.infrastructure().kafka().bootstrapServers())
                .readAll(Topics.JUDGEMENTS, record -> record.value().contains(runId)).stream()
                        .map(record -> Events.decode(record.value(), JudgementRecorded.class))
                        .filter(judgement -> judgement.item().runId().equals(runId))
                        .collect(Collectors.groupingBy(
                                JudgementRecorded::item,
                                Collectors.mapping(JudgementRecorded::eventId, Collectors.toSet())));
        assertThat(published).hasSize((int) total);
        assertThat(published.values())
                .as("each work item's judgement, however often published, is one event")
                .allSatisfy(ids -> assertThat(ids).hasSize(1));
    }

    /** The planner database's plans of a job: rows, and distinct scenarios. */
    private List<Long> storedPlans(String planningId) {
        try (Connection connection = platform.infrastructure()
                        .postgres()
                        .dataSource("penguin_planner")
                        .getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select count(*), count(distinct scenario_id) from plan where planning_id = ?")) {
            query.setString(1, planningId);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return List.of(result.getLong(1), result.getLong(2));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long plansDone(ServiceProcess planner) {
        return given().baseUri(planner.baseUri().toString())
                .get("/q/metrics")
                .asString()
                .lines()
                .filter(line -> line.startsWith("penguin_plans_total{") && line.contains("outcome=\"done\""))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private long storedJudgements(String runId) {
        try (Connection connection = platform.infrastructure()
                        .postgres()
                        .dataSource("penguin_judge")
                        .getConnection();
                PreparedStatement query =
                        connection.prepareStatement("select count(*) from judgement where run_id = ?")) {
            query.setString(1, runId);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonPath run(String runId) {
        return given().baseUri(scenario)
                .get("/runs/{id}", runId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private JsonPath planning(String planningId) {
        return given().baseUri(platform.url(ServiceSpec.PLANNER).toString())
                .get("/plannings/{id}", planningId)
                .jsonPath();
    }

    private static int indexedPlans(ServiceProcess gateway) {
        Integer plans = given().baseUri(gateway.baseUri().toString())
                .get("/q/health/ready")
                .jsonPath()
                .get("checks.find { it.name == 'policy-index' }.data.plans");
        return plans == null ? 0 : plans;
    }

    /** The fewest work items of this run finished by any of the replicas to be killed (that count them). */
    private long finishedSince(Map<String, Long> before) {
        Map<String, Long> now = doneByProcess();
        return KILLED.stream()
                .map(service -> Platform.replicaName(service, 2))
                .filter(before::containsKey)
                .mapToLong(name -> now.get(name) - before.get(name))
                .min()
                .orElseThrow();
    }

    /** Work items each running process has finished (its {@code penguin.work.items{outcome=done}} counters). */
    private Map<String, Long> doneByProcess() {
        Map<String, Long> done = new LinkedHashMap<>();
        for (String service : List.of(ServiceSpec.GENERATION, ServiceSpec.JUDGE, ServiceSpec.GATEWAY)) {
            for (ServiceProcess replica : platform.replicas(service)) {
                if (!replica.isAlive()) {
                    continue;
                }
                long sum = 0;
                for (String line : given().baseUri(replica.baseUri().toString())
                        .get("/q/metrics")
                        .asString()
                        .split("\n")) {
                    Matcher matcher = DONE.matcher(line);
                    if (matcher.matches()) {
                        sum += (long) Double.parseDouble(matcher.group(1));
                    }
                }
                done.put(replica.name(), sum);
            }
        }
        return done;
    }
}
