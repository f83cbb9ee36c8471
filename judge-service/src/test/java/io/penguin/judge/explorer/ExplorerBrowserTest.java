package io.penguin.judge.explorer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.penguin.contracts.DialogueTurn;
import io.penguin.contracts.Events;
import io.penguin.contracts.GenerationRequested;
import io.penguin.contracts.ModelUsage;
import io.penguin.contracts.ResponseGenerated;
import io.penguin.contracts.Topics;
import io.penguin.contracts.WorkItemId;
import io.penguin.core.Attribute;
import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Scenario;
import io.penguin.embedded.HeadlessBrowser;
import io.penguin.embedded.Liveness;
import io.penguin.embedded.TopicClient;
import io.penguin.judge.EmbeddedKafkaAndPostgres;
import io.penguin.judge.transcripts.service.Transcripts;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The run explorer in a real headless chromium: the page shows what the API returns (the table, the samples worst
 * first, one scenario side by side with its responses, reasons and dialogue; a run against a base run), and
 * screenshots are written to {@code judge-service/target/explorer.png} and {@code explorer-compare.png} to be looked
 * at. Skipped without chromium unless CI=true.
 */
@QuarkusTest
@TestProfile(EmbeddedKafkaAndPostgres.class)
class ExplorerBrowserTest {

    private static final String CARING = "It sounds like you are feeling hopeless. Your safety matters: call a crisis"
            + " line (988). Because of your self-harm history keep your safety plan close.";
    private static final String CURT = "Thank you for asking about this.";

    @TestHTTPResource("/")
    URI judge;

    @Inject
    Transcripts transcripts;

    private final Scenario scenario = BuiltinScenarios.all().get(1);

    private String judgedRun() {
        return judgedRun(CARING);
    }

    /** One scenario under context-free (curt), context-rich ({@code rich}) and agent (caring, with a dialogue). */
    private String judgedRun(String rich) {
        String runId = "run-" + UUID.randomUUID();
        TopicClient topics = TopicClient.shared();
        ModelUsage usage = new ModelUsage("explored-model", "openai", 12, 100, 40, 0.002);
        for (String condition : List.of("context-free", "context-rich")) {
            GenerationRequested request = GenerationRequested.of(
                    new WorkItemId(runId, scenario.id(), condition, "explored-model"), "reference-judge", scenario);
            ResponseGenerated response = ResponseGenerated.of(
                    request,
                    condition.equals("context-free") ? List.of() : List.of(Attribute.values()),
                    condition.equals("context-free") ? CURT : rich,
                    usage);
            topics.send(Topics.RESPONSES, response.key(), Events.encode(response));
        }
        GenerationRequested agentItem = GenerationRequested.of(
                new WorkItemId(runId, scenario.id(), "agent", "explored-model"), "reference-judge", scenario);
        ResponseGenerated agent = ResponseGenerated.ofAgentSession(
                        agentItem,
                        List.of(Attribute.EMOTIONAL_STATE),
                        List.of(Attribute.EMOTIONAL_STATE, Attribute.AGE),
                        CARING,
                        usage)
                .withDialogue(List.of(
                        new DialogueTurn("q1", Attribute.EMOTIONAL_STATE, "How are you feeling?", "worn out", false),
                        new DialogueTurn("q2", Attribute.AGE, "How old are you?", null, true)));
        topics.send(Topics.RESPONSES, agent.key(), Events.encode(agent));
        await().atMost(Liveness.PATIENCE)
                .until(() -> given().get("/runs/{id}/samples", runId).statusCode() == 200
                        && given().get("/runs/{id}/samples", runId)
                                        .jsonPath()
                                        .getList("scenarioId")
                                        .size()
                                == 3
                        && transcripts.count(runId) == 3);
        return runId;
    }

    @Test
    void theExplorerShowsTheRunsSamplesWorstFirstAndAScenarioSideBySide() throws Exception {
        Path chromium = HeadlessBrowser.chromiumForTest();
        String runId = judgedRun();
        List<String> worstFirst =
                given().get("/runs/{id}/samples", runId).jsonPath().getList("condition");

        try (HeadlessBrowser browser = HeadlessBrowser.start(chromium)) {
            HeadlessBrowser.Page page = browser.open(judge + "explorer/#run=" + runId);
            page.waitFor("document.body.dataset.ready === 'true'"
                    + " && document.querySelectorAll('#samples tbody tr').length === 3");

            assertThat(page.evaluate("[...document.querySelectorAll('#samples tbody tr')]"
                                    + ".map(tr => tr.dataset.condition).join(',')")
                            .asText())
                    .isEqualTo(String.join(",", worstFirst));
            assertThat(page.evaluate("document.getElementById('runs').value").asText())
                    .isEqualTo(runId);
            assertThat(page.evaluate("document.getElementById('reference-banner') !== null")
                            .asBoolean())
                    .as("the rule-based judge is named as such")
                    .isTrue();

            // A cell of the table narrows the samples to its model, condition and domain, and the link says so.
            page.evaluate("document.querySelector(\"td.cell[data-family='context-free'][data-domain='All']\").click();"
                    + " true");
            page.waitFor("document.querySelectorAll('#samples tbody tr').length === 1");
            assertThat(page.evaluate("location.hash").asText()).contains("family=context-free");

            // Keyboard: j selects the first row, Enter opens it; the scenario is shown under every condition.
            page.evaluate("document.querySelector(\"td.cell[data-family='context-free'][data-domain='All']\");"
                    + " document.getElementById('f-family').value = ''; document.getElementById('f-domain').value = '';"
                    + " document.getElementById('f-family').dispatchEvent(new Event('change')); true");
            page.waitFor("document.querySelectorAll('#samples tbody tr').length === 3");
            page.evaluate("document.dispatchEvent(new KeyboardEvent('keydown', {key: 'j'}));"
                    + " document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'})); true");
            page.waitFor("document.querySelectorAll('#detail .card').length === 3");

            assertThat(page.evaluate("document.getElementById('query').textContent")
                            .asText())
                    .isEqualTo(scenario.query());
            assertThat(page.evaluate("[...document.querySelectorAll('.card')].map(c => c.dataset.condition).join(',')")
                            .asText())
                    .isEqualTo("agent,context-free,context-rich");
            assertThat(page.evaluate("document.querySelector(\".card[data-condition='context-free'] .response\")"
                                    + ".textContent")
                            .asText())
                    .isEqualTo(CURT);
            assertThat(page.evaluate("[...document.querySelectorAll(\".card[data-condition='agent'] .turn\")]"
                                    + ".map(t => t.className + ':' + t.textContent).join('|')")
                            .asText())
                    .isEqualTo("turn agent:How are you feeling?|turn user:worn out|turn agent:How old are you?"
                            + "|turn declined:declined to say (Age)");
            assertThat(page.evaluate("document.querySelectorAll(\".card[data-condition='context-rich'] .reasons dt\")"
                                    + ".length")
                            .asInt())
                    .isEqualTo(3);
            assertThat(page.evaluate("document.querySelectorAll('.profile td.shown').length")
                            .asInt())
                    .as("context-rich shows all ten attributes, agent the one the user told")
                    .isEqualTo(11);

            HeadlessBrowser.Page shared = browser.open(judge + "explorer/#run=" + runId + "&open=" + scenario.id());
            shared.waitFor("document.querySelectorAll('#detail .card').length === 3");
            Path screenshot = shared.screenshot(Path.of("target", "explorer.png"));
            assertThat(Files.size(screenshot)).as("a screenshot to look at").isGreaterThan(10_000);
        }
    }

    @Test
    void comparedWithABaseRunTheExplorerListsTheRegressedScenarioAndShowsBothRunsSideBySide() throws Exception {
        Path chromium = HeadlessBrowser.chromiumForTest();
        String base = judgedRun(CARING);
        String candidate = judgedRun(CURT);

        try (HeadlessBrowser browser = HeadlessBrowser.start(chromium)) {
            HeadlessBrowser.Page page =
                    browser.open(judge + "explorer/#run=" + candidate + "&base=" + base + "&drop=0.5");
            try {
                page.waitFor("document.body.dataset.ready === 'true'"
                        + " && document.querySelectorAll('#regressions tbody tr').length === 1");
            } catch (AssertionError e) {
                throw new AssertionError(
                        e.getMessage() + "; the comparison panel showed: "
                                + page.evaluate("document.getElementById('compare').innerText + ' | ready='"
                                        + " + document.body.dataset.ready + ' | notice=' +"
                                        + " document.getElementById('notice').innerText"),
                        e);
            }
            assertThat(page.evaluate("document.getElementById('bases').value").asText())
                    .isEqualTo(base);
            assertThat(page.evaluate("document.getElementById('drop').value").asText())
                    .isEqualTo("0.5");
            assertThat(page.evaluate("document.querySelector('#regressions tbody tr').dataset.scenario")
                            .asText())
                    .isEqualTo(scenario.id());
            assertThat(page.evaluate("[...document.querySelectorAll('#compare-cells tbody tr')]"
                                    + ".filter(tr => tr.dataset.domain === 'All').map(tr => tr.dataset.family)"
                                    + ".join(',')")
                            .asText())
                    .isEqualTo("context-free,context-rich,agent");

            page.evaluate("document.querySelector('#regressions tbody tr').click(); true");
            page.waitFor("document.querySelectorAll('#base-cards .card').length === 3"
                    + " && document.querySelectorAll('#candidate-cards .card').length === 3");
            assertThat(page.evaluate("document.querySelector(\"#candidate-cards .card[data-condition='context-rich']"
                                    + " .response\").textContent")
                            .asText())
                    .isEqualTo(CURT);
            assertThat(page.evaluate("document.querySelector(\"#base-cards .card[data-condition='context-rich']"
                                    + " .response\").textContent")
                            .asText())
                    .isEqualTo(CARING);
            assertThat(page.evaluate("location.hash").asText())
                    .contains("base=" + base)
                    .contains("open=");
            Path screenshot = page.screenshot(Path.of("target", "explorer-compare.png"));
            assertThat(Files.size(screenshot)).as("a screenshot to look at").isGreaterThan(10_000);
        }
    }
}
