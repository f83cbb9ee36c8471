package io.penguin.judge.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.penguin.contracts.Events;
import io.penguin.contracts.GenerationRequested;
import io.penguin.contracts.ModelUsage;
import io.penguin.contracts.ResponseGenerated;
import io.penguin.contracts.Topics;
import io.penguin.contracts.WorkItemId;
import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Scenario;
import io.penguin.embedded.Liveness;
import io.penguin.embedded.TopicClient;
import io.penguin.judge.EmbeddedKafkaAndPostgres;
import io.penguin.judge.persistence.JudgementRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /runs/{id}/judgements} paging: bad parameters are 400 problems naming them; pages cover the run exactly
 * once. Also shows, on a second service, that the shared body limit answers a declared oversize body with a problem.
 */
@QuarkusTest
@TestProfile(EmbeddedKafkaAndPostgres.class)
class JudgementPagingTest {

    @Inject
    JudgementRepository repository;

    @TestHTTPResource("/")
    URI base;

    private final TopicClient topics = TopicClient.shared();

    /** Five built-in scenarios judged under context-free: five judgements. */
    private String judgedRun() {
        String runId = "run-" + UUID.randomUUID();
        List<Scenario> scenarios = BuiltinScenarios.all().subList(0, 5);
        for (Scenario scenario : scenarios) {
            GenerationRequested request = GenerationRequested.of(
                    new WorkItemId(runId, scenario.id(), "context-free", "reference"), "reference-judge", scenario);
            topics.send(
                    Topics.RESPONSES,
                    scenario.id(),
                    Events.encode(ResponseGenerated.of(
                            request,
                            List.of(),
                            "Thank you for asking about this.",
                            new ModelUsage("reference", "reference", 1, 10, 10, 0.0))));
        }
        await().atMost(Liveness.PATIENCE)
                .until(() -> QuarkusTransaction.requiringNew().call(() -> repository.count("runId", runId)) == 5L);
        return runId;
    }

    private static void refused(String query, String parameter, String range) {
        given().get("/runs/run-none/judgements?" + query)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", allOf(containsString(parameter), containsString(range)));
    }

    @Test
    void aNegativePageIsA400NamingThePage() {
        refused("page=-1", "page", "0 to");
    }

    @Test
    void aNonNumericPageOrABadSizeIsA400NamingTheBound() {
        refused("page=abc", "page", "0 to");
        refused("size=0", "size", "1 to 1000");
        refused("size=-1", "size", "1 to 1000");
        refused("size=many", "size", "1 to 1000");
        refused("size=5000000", "size", "1 to 1000");
    }

    @Test
    void pagesCoverEveryJudgementOnceAndNoParametersStillListThemAll() {
        String runId = judgedRun();
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            paged.addAll(given().get("/runs/{id}/judgements?page={page}&size=2", runId, page)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("scenarioId", String.class));
        }
        List<String> all = given().get("/runs/{id}/judgements", runId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("scenarioId", String.class);

        assertThat(all).hasSize(5);
        assertThat(paged).containsExactlyElementsOf(all);
    }

    @Test
    void aBodyDeclaredOverTheSizeLimitIsA413ProblemHereToo() throws Exception {
        String response;
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /runs/x/judgements HTTP/1.1\r\nHost: " + base.getHost()
                            + "\r\nContent-Type: application/json\r\nContent-Length: 900000000\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(response).startsWith("HTTP/1.1 413");
        assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(response).contains("\"status\":413").contains("max-body-size");
    }
}
