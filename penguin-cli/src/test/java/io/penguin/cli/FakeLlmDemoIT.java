package io.penguin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code penguin demo --fake-llm}: every role (target, judge, user simulator, agent, the planner's reward) on the
 * bundled role-aware fake over real HTTP, through the packaged services on the embedded broker and database. The
 * agent role is on a second fake that fails 30% of its calls unretried, so the report must count the items where
 * the rule-based stand-in decided. Three built-in scenarios keep it to a platform start and a few hundred calls.
 */
class FakeLlmDemoIT {

    private static final Pattern REPORT_PATH = Pattern.compile("Report written to (\\S+) \\(");

    private static final List<String> FAMILIES =
            List.of("context-free", "context-rich", "single:Emotional State", "agent", "planner");

    @Test
    void everyRoleOnTheFakeOverHttpGivesAReportNamingItWithPromptVersionsAndTheAgentsFallbacks() throws IOException {
        Path work = SharedPlatform.home().resolve("penguin-cli/target/penguin-fake-demo-it");
        Cli.Result result = Cli.penguin(
                "demo",
                "--fake-llm",
                "--fake-llm-agent-errors",
                "0.3",
                "--limit",
                "3",
                "--conditions",
                String.join(",", FAMILIES),
                "--home",
                SharedPlatform.home().toString(),
                "--work-dir",
                work.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output())
                .contains("FAKE-MODEL RESULTS", "not by a real LLM")
                .contains("train-split scenarios with MCTS")
                .contains("Models by role:", "Provenance per row")
                .contains("+Agent", "+Planner")
                .containsPattern("The fake model answered [1-9]\\d* calls over HTTP")
                .contains("everything the demo started is stopped");
        Matcher path = REPORT_PATH.matcher(result.output());
        assertThat(path.find()).as("the report's path is printed").isTrue();
        JsonNode report =
                new ObjectMapper().readTree(Path.of(path.group(1) + ".json").toFile());
        assertThat(report.path("resultsOf").asText()).startsWith("FAKE-MODEL RESULTS");
        assertThat(Files.readString(Path.of(path.group(1) + ".txt"))).startsWith("FAKE-MODEL RESULTS");
        assertThat(Files.readString(Path.of(path.group(1) + ".html")))
                .contains("<div class=\"banner\" id=\"results-of\">FAKE-MODEL RESULTS");

        assertThat(texts(
                        report.path("roles"),
                        role -> role.path("role").asText() + " "
                                + role.path("model").asText()
                                + (role.path("reference").asBoolean() ? " (rule-based)" : "")))
                .as("who played each role; no rule-based model among them")
                .containsExactlyInAnyOrder(
                        "target fake-llm",
                        "judge fake-llm",
                        "agent fake-llm-agent",
                        "user-simulator fake-llm",
                        "planner-target fake-llm",
                        "planner-judge fake-llm");

        JsonNode provenance = report.path("provenance");
        assertThat(texts(provenance, row -> row.path("family").asText())).containsExactlyInAnyOrderElementsOf(FAMILIES);
        for (JsonNode row : provenance) {
            String family = row.path("family").asText();
            assertThat(texts(row.path("targetPromptVersions"), JsonNode::asText))
                    .as("target prompt versions of " + family)
                    .isNotEmpty()
                    .doesNotContain("unversioned");
            assertThat(texts(row.path("judgePromptVersions"), JsonNode::asText))
                    .as("judge prompt versions of " + family)
                    .isNotEmpty()
                    .doesNotContain("unversioned");
            if (family.equals("agent")) {
                assertThat(row.path("fallbackItems").asInt())
                        .as("agent items where the stand-in decided for a failed call")
                        .isPositive();
            } else if (!family.equals("planner")) {
                assertThat(row.path("fallbackItems").asInt())
                        .as(family + ": target and judge on the healthy fake")
                        .isZero();
            }
        }

        List<String> usage = new ArrayList<>();
        for (JsonNode entry : report.path("usage")) {
            if (entry.path("calls").asLong() > 0) {
                usage.add(
                        entry.path("role").asText() + " " + entry.path("model").asText());
            }
        }
        assertThat(usage)
                .contains("target fake-llm", "judge fake-llm", "agent fake-llm-agent", "user-simulator fake-llm");
    }

    private static List<String> texts(JsonNode array, java.util.function.Function<JsonNode, String> text) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(text.apply(node)));
        return texts;
    }
}
