package io.penguin.scenario.runs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.penguin.contracts.Events;
import io.penguin.contracts.GenerationRequested;
import io.penguin.contracts.JudgementRecorded;
import io.penguin.contracts.ModelUsage;
import io.penguin.contracts.Topics;
import io.penguin.core.RubricScores;
import io.penguin.embedded.Liveness;
import io.penguin.embedded.TopicClient;
import io.penguin.scenario.EmbeddedKafkaAndPostgres;
import io.penguin.scenario.runs.service.RunService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two scenario-service replicas record judgements of the same run at once (each reads its own partitions). The last
 * two items of a run, recorded by two transactions at the same moment, must still complete the run.
 */
@QuarkusTest
@TestProfile(EmbeddedKafkaAndPostgres.class)
class ConcurrentProgressTest {

    private static final int RUNS = 20;

    @Inject
    RunService runs;

    private final ExecutorService replicas = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        replicas.shutdownNow();
    }

    private static String startRun() {
        return given().contentType(ContentType.JSON)
                .body("{\"conditions\":[\"context-rich\"],\"domains\":[\"Health\"]}")
                .post("/runs")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    private static List<GenerationRequested> published(String runId) {
        return TopicClient.shared()
                .read(Topics.GENERATION_REQUESTS, record -> record.value().contains(runId), 2, Liveness.PATIENCE)
                .stream()
                .map(record -> Events.decode(record.value(), GenerationRequested.class))
                .toList();
    }

    private static JudgementRecorded judgementOf(GenerationRequested item) {
        return JudgementRecorded.of(
                UUID.randomUUID(),
                Instant.now(),
                item.item(),
                item.scenario().domain(),
                "reference-judge",
                new RubricScores(4, 4, 4),
                true,
                new ModelUsage("reference-judge", "reference", 1, 1, 1));
    }

    @Test
    void twoTransactionsRecordingARunsLastTwoItemsAtTheSameMomentCompleteTheRun() throws Exception {
        List<String> runIds = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            String runId = startRun();
            List<GenerationRequested> items = published(runId);
            assertThat(items).hasSize(2);
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<Integer>> recorded = new ArrayList<>();
            for (GenerationRequested item : items) {
                recorded.add(replicas.submit(() -> {
                    together.await(Liveness.PATIENCE.toSeconds(), TimeUnit.SECONDS);
                    return runs.recordJudgements(List.of(judgementOf(item)));
                }));
            }
            for (Future<Integer> each : recorded) {
                assertThat(each.get(Liveness.PATIENCE.toSeconds(), TimeUnit.SECONDS))
                        .isEqualTo(1);
            }
            runIds.add(runId);
        }

        for (String runId : runIds) {
            given().get("/runs/{id}", runId)
                    .then()
                    .statusCode(200)
                    .body("judged", equalTo(2))
                    .body("status", equalTo("COMPLETED"));
        }
    }
}
