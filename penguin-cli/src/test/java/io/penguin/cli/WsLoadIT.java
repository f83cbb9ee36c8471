package io.penguin.cli;

import static io.penguin.cli.Cli.penguin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.penguin.cli.Cli.Result;
import io.penguin.cli.platform.Platform;
import io.penguin.cli.platform.ServiceSpec;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code penguin ws-load} against the packaged agent-gateway process of the embedded platform. */
class WsLoadIT {

    private final Platform platform = SharedPlatform.get();

    private String sessions() {
        URI http = platform.url(ServiceSpec.GATEWAY);
        return "ws://" + http.getHost() + ":" + http.getPort() + "/v1/agent";
    }

    @Test
    void fiftyConcurrentScriptedUsersCompleteEverySession() throws Exception {
        Path summaryFile = Files.createDirectories(SharedPlatform.home().resolve("penguin-cli/target/ws-load-it"))
                .resolve("summary.json");

        Result result = penguin(
                "ws-load",
                "--url",
                sessions(),
                "--api-key",
                platform.agentKey(),
                "--users",
                "50",
                "--sessions",
                "1",
                "--decline",
                "0.2",
                "--skip",
                "0.05",
                "--timeout",
                "60s",
                "--summary-json",
                summaryFile.toString(),
                "--quiet");

        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).contains("50 started, 50 completed, 0 failed");
        JsonNode summary = new ObjectMapper().readTree(summaryFile.toFile());
        assertThat(summary.path("started").asLong()).isEqualTo(50);
        assertThat(summary.path("completed").asLong()).isEqualTo(50);
        assertThat(summary.path("failed").asLong()).isZero();
        assertThat(summary.path("failures").size()).isZero();
        long questions = summary.path("questions").asLong();
        assertThat(questions).isGreaterThanOrEqualTo(50);
        assertThat(summary.path("answered").asLong()
                        + summary.path("declined").asLong()
                        + summary.path("skipped").asLong())
                .isEqualTo(questions);
        assertThat(summary.path("connect").path("count").asLong()).isEqualTo(50);
        assertThat(summary.path("session").path("count").asLong()).isEqualTo(50);
        // one turn per question and one for the response
        assertThat(summary.path("turn").path("count").asLong()).isEqualTo(questions + 50);
        assertThat(summary.path("sessionsPerSecond").asDouble()).isPositive();
    }

    @Test
    void followUpQueriesInV2SessionsStreamTheirAnswersAndAskNoAttributeTwice() throws Exception {
        Path summaryFile = Files.createDirectories(SharedPlatform.home().resolve("penguin-cli/target/ws-load-it"))
                .resolve("follow-ups.json");

        Result result = penguin(
                "ws-load",
                "--url",
                sessions(),
                "--api-key",
                platform.agentKey(),
                "--users",
                "10",
                "--follow-ups",
                "2",
                "--timeout",
                "60s",
                "--summary-json",
                summaryFile.toString(),
                "--quiet");

        assertThat(result.exitCode()).as(result.output()).isZero();
        JsonNode summary = new ObjectMapper().readTree(summaryFile.toFile());
        assertThat(summary.path("completed").asLong()).isEqualTo(10);
        assertThat(summary.path("failed").asLong()).isZero();
        assertThat(summary.path("followUps").asLong()).isEqualTo(20);
        assertThat(summary.path("repeatedQuestions").asLong()).isZero();
        // every one of the 30 answers streams in at least one delta frame before its response
        assertThat(summary.path("deltas").asLong()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void aWrongKeyFailsEverySessionAsRefusedAtTheUpgrade() {
        Result result = penguin(
                "ws-load", "--url", sessions(), "--api-key", platform.agentKey() + "-wrong", "--users", "3", "--quiet");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output())
                .contains("3 started, 0 completed, 3 failed")
                .contains("failed sessions http-401: 3");
    }
}
