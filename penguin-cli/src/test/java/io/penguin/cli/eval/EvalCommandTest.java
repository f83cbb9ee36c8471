package io.penguin.cli.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EvalCommandTest {

    private static EvalCommand parsed(String... args) {
        EvalCommand command = new EvalCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    private static Map<String, String> settings(EvalCommand command) {
        EvalCommand.Endpoint target = new EvalCommand.Endpoint(
                io.penguin.cli.platform.ModelSettings.endpointName(command.model),
                command.baseUrl,
                command.model,
                command.apiKeyEnv);
        return command.settings(target, command.judgeEndpoint(target)).properties();
    }

    @Test
    void withoutAJudgeEndpointTheJudgeRoleIsLeftToTheRuleBasedDefault() {
        Map<String, String> settings =
                settings(parsed("--base-url", "http://localhost:11434/v1", "--model", "llama3.1:8b"));

        assertThat(settings)
                .containsEntry("penguin.models.endpoints.llama3-1-8b.base-url", "http://localhost:11434/v1")
                .containsEntry("penguin.models.endpoints.llama3-1-8b.model", "llama3.1:8b")
                .containsEntry("penguin.models.roles.agent", "llama3-1-8b")
                .containsEntry("penguin.models.roles.user-simulator", EvalCommand.REFERENCE_USER)
                .doesNotContainKey("penguin.models.roles.judge")
                .doesNotContainKey("penguin.models.endpoints.llama3-1-8b.api-key-env");
    }

    @Test
    void aJudgeOnTheTargetsServerSharesItsKeyVariableAndIsBoundToTheJudgeRole() {
        Map<String, String> settings = settings(parsed(
                "--base-url", "https://api.openai.com/v1",
                "--model", "gpt-4o-mini",
                "--api-key-env", "OPENAI_API_KEY",
                "--judge-base-url", "https://api.openai.com/v1/",
                "--judge-model", "gpt-4o"));

        assertThat(settings)
                .containsEntry("penguin.models.endpoints.gpt-4o.api-key-env", "OPENAI_API_KEY")
                .containsEntry("penguin.models.roles.judge", "gpt-4o");
    }

    @Test
    void aJudgeOnAnotherServerGetsNoKeyUnlessOneIsNamedForIt() {
        EvalCommand command = parsed(
                "--base-url", "https://api.openai.com/v1",
                "--model", "gpt-4o-mini",
                "--api-key-env", "OPENAI_API_KEY",
                "--judge-base-url", "http://localhost:8000/v1",
                "--judge-model", "gpt-4o-mini");
        Map<String, String> settings = settings(command);

        // same model id, another server: a second endpoint under its own name
        assertThat(settings)
                .containsEntry("penguin.models.endpoints.gpt-4o-mini-judge.base-url", "http://localhost:8000/v1")
                .doesNotContainKey("penguin.models.endpoints.gpt-4o-mini-judge.api-key-env")
                .containsEntry("penguin.models.roles.judge", "gpt-4o-mini-judge");
    }

    @Test
    void theSameModelAtTheSameAddressJudgesAsTheTargetsOwnEndpoint() {
        EvalCommand command = parsed(
                "--base-url", "http://localhost:8000/v1",
                "--model", "qwen",
                "--judge-base-url", "http://localhost:8000/v1",
                "--judge-model", "qwen");

        assertThat(settings(command))
                .containsEntry("penguin.models.roles.judge", "qwen")
                .doesNotContainKey("penguin.models.endpoints.qwen-judge.base-url");
    }

    @Test
    void anUnsetKeyVariableStopsBeforeAnythingStartsAndNamesTheVariable() throws Exception {
        var err = new java.io.ByteArrayOutputStream();
        var original = System.err;
        int exit;
        try {
            System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            exit = new CommandLine(new EvalCommand())
                    .execute(
                            "--base-url",
                            "http://127.0.0.1:9/v1",
                            "--model",
                            "m",
                            "--api-key-env",
                            "PENGUIN_EVAL_TEST_NO_SUCH_VARIABLE");
        } finally {
            System.setErr(original);
        }

        assertThat(exit).isEqualTo(EvalCommand.ENDPOINT_UNUSABLE);
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("PENGUIN_EVAL_TEST_NO_SUCH_VARIABLE", "not set", "nothing was started");
    }

    @Test
    void theTargetEndpointPlaysTheUserWhenAsked() {
        Map<String, String> settings = settings(parsed(
                "--base-url", "http://localhost:8000/v1",
                "--model", "qwen",
                "--user-simulator", "target"));

        assertThat(settings)
                .containsEntry("penguin.models.roles.user-simulator", "qwen")
                .containsEntry("penguin.models.roles.agent", "qwen");
    }
}
