package io.penguin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.penguin.fakellm.FakeLlmServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code penguin eval} end to end, in-process: against a fake OpenAI-compatible endpoint it starts its own platform,
 * runs, prints the table and the report's path, and stops; against a refused address it stops before starting
 * anything.
 */
class EvalCommandIT {

    /** Set by the failsafe configuration (penguin-cli/pom.xml): a made-up key. */
    private static final String KEY_VARIABLE = "PENGUIN_IT_FAKE_API_KEY";

    private static final Pattern REPORT_PATH = Pattern.compile("Report written to (\\S+) \\(");

    @Test
    void evalAgainstAnEndpointPrintsTheTableAndTheReportPathAndSaysTheJudgeIsRuleBased() throws IOException {
        String key = System.getenv(KEY_VARIABLE);
        assertThat(key)
                .as(KEY_VARIABLE + " is set by penguin-cli's failsafe configuration")
                .isNotBlank();
        Path work = SharedPlatform.home().resolve("penguin-cli/target/penguin-eval-it");
        try (FakeLlmServer fake = FakeLlmServer.roleAware()) {
            Cli.Result result = Cli.penguin(
                    "eval",
                    "--base-url",
                    fake.baseUrl(),
                    "--model",
                    "fake-model",
                    "--api-key-env",
                    KEY_VARIABLE,
                    "--limit",
                    "2",
                    "--home",
                    SharedPlatform.home().toString(),
                    "--work-dir",
                    work.toString());

            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output())
                    .contains("Checked: the target endpoint at " + fake.baseUrl() + " answers")
                    .contains("the rule-based reference judge (reference-judge) scores this run")
                    .contains("Models by role: target fake-model; judge reference-judge (rule-based)")
                    .contains("context-free", "context-rich", "All")
                    .contains("everything eval started is stopped")
                    .doesNotContain(key);

            Matcher path = REPORT_PATH.matcher(result.output());
            assertThat(path.find()).as("the report's path is printed").isTrue();
            JsonNode report =
                    new ObjectMapper().readTree(Path.of(path.group(1) + ".json").toFile());
            assertThat(report.path("models")).extracting(JsonNode::asText).containsExactly("fake-model");
            assertThat(report.path("workItems").asLong()).isEqualTo(4); // 2 scenarios x 2 conditions
            assertThat(report.path("resultsOf").asText()).contains("rule-based reference judge");
            for (String extension : List.of(".txt", ".csv", ".html")) {
                assertThat(Path.of(path.group(1) + extension)).isRegularFile();
            }
            long targetCalls = 0;
            for (JsonNode usage : report.path("usage")) {
                if (usage.path("role").asText().equals("target")) {
                    targetCalls += usage.path("calls").asLong();
                }
            }
            // every target answer came from the endpoint, each call with the key the services read from the variable
            assertThat(targetCalls).isEqualTo(4);
            assertThat(fake.requests()).isEqualTo(targetCalls);
            assertThat(fake.authorizations()).hasSize(4).containsOnly("Bearer " + key);
        }
        assertThat(logsContaining(work.resolve("logs"), key))
                .as("no service log holds the key")
                .isEmpty();
    }

    @Test
    void aJudgeEndpointIsBoundToTheJudgeRoleAndTheAgentRowsRunOnTheTarget() throws IOException {
        Path work = SharedPlatform.home().resolve("penguin-cli/target/penguin-eval-judge-it");
        try (FakeLlmServer target = FakeLlmServer.roleAware();
                FakeLlmServer judge = FakeLlmServer.roleAware()) {
            Cli.Result result = Cli.penguin(
                    "eval",
                    "--base-url",
                    target.baseUrl(),
                    "--model",
                    "target-model:7b",
                    "--judge-base-url",
                    judge.baseUrl(),
                    "--judge-model",
                    "judge-model",
                    "--conditions",
                    "context-free,agent",
                    "--limit",
                    "1",
                    "--home",
                    SharedPlatform.home().toString(),
                    "--work-dir",
                    work.toString());

            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output())
                    .contains("Checked: the judge endpoint at " + judge.baseUrl() + " answers")
                    .contains("Judge: model 'judge-model' at " + judge.baseUrl())
                    .contains("model 'target-model:7b' at " + target.baseUrl() + " (as 'target-model-7b')")
                    .doesNotContain("rule-based reference judge");
            Matcher path = REPORT_PATH.matcher(result.output());
            assertThat(path.find()).as("the report's path is printed").isTrue();
            JsonNode report =
                    new ObjectMapper().readTree(Path.of(path.group(1) + ".json").toFile());
            List<String> roles = new ArrayList<>();
            report.path("roles")
                    .forEach(role -> roles.add(role.path("role").asText() + " "
                            + role.path("model").asText()
                            + (role.path("reference").asBoolean() ? " (rule-based)" : "")));
            assertThat(roles)
                    .containsExactlyInAnyOrder(
                            "target target-model-7b",
                            "judge judge-model",
                            "agent target-model-7b",
                            "user-simulator reference-user (rule-based)");
            assertThat(report.has("resultsOf"))
                    .as("an LLM-judged run needs no label")
                    .isFalse();
            // the judge's calls went to the judge endpoint, the agent's and the target's to the target endpoint
            assertThat(judge.requests()).isEqualTo(2);
            assertThat(target.requests()).isGreaterThan(2);
        }
    }

    @Test
    void aRefusedEndpointExitsNonZeroWithAMessageNamingTheUrlBeforeAnythingStarts() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/v1";

        Cli.Result result = Cli.penguin(
                "eval",
                "--base-url",
                url,
                "--model",
                "m",
                "--home",
                SharedPlatform.home().toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.output())
                .contains("cannot reach the target endpoint at " + url + ": connection refused")
                .contains("nothing was started")
                .doesNotContain("Starting embedded Kafka");
    }

    private static List<Path> logsContaining(Path logs, String text) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.toList()) {
                if (Files.readString(file).contains(text)) {
                    found.add(file);
                }
            }
        }
        return found;
    }
}
