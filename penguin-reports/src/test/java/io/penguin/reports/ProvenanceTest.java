package io.penguin.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.penguin.core.Domain;
import io.penguin.reports.render.Html;
import io.penguin.reports.render.TextReport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every number says which model made it, how often a rule-based stand-in decided instead, and with which prompts. */
class ProvenanceTest {

    private static final CallUsage ENDPOINT = new CallUsage("openai", 100, 50, 20, 0.001);

    private static JudgementRow llmRow(
            String scenario, String condition, String targetVersion, List<RoleCall> roleCalls) {
        return new JudgementRow(
                scenario,
                condition,
                "gpt",
                "gpt-judge",
                Domain.HEALTH,
                3,
                4,
                3,
                false,
                ENDPOINT,
                ENDPOINT,
                condition.equals("agent") ? 2 : null,
                false,
                targetVersion,
                "judge-rubric-v2",
                roleCalls);
    }

    private static List<RoleCall> agentCalls(int fallbacks) {
        return List.of(
                new RoleCall("agent", "gpt", false, 4, fallbacks, new CallUsage("openai", 80, 400, 40, 0.002)),
                new RoleCall("user-simulator", "reference-user", true, 2, 0, null));
    }

    private static RunReport report() {
        List<JudgementRow> rows = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            rows.add(llmRow("s" + s, "context-free", "target-v2", List.of()));
            rows.add(llmRow("s" + s, "context-rich", s == 0 ? "target-v1" : "target-v2", List.of()));
            // three of four agent sessions had the rule-based policy decide at least once
            rows.add(llmRow("s" + s, "agent", "target-v2", agentCalls(s == 0 ? 0 : 1 + s)));
        }
        return new ReportBuilder().build("run-provenance", rows);
    }

    @Test
    void namesTheModelBehindEveryRoleAndMarksTheRuleBasedOnes() {
        assertThat(report().roles())
                .containsExactly(
                        new RunReport.RoleModel("target", "gpt", false),
                        new RunReport.RoleModel("judge", "gpt-judge", false),
                        new RunReport.RoleModel("agent", "gpt", false),
                        new RunReport.RoleModel("user-simulator", "reference-user", true));
    }

    @Test
    void countsPerRowTheItemsWhereAStandInDecidedAndSaysWhenThatIsMostOfThem() {
        RunReport report = report();

        RunReport.RowProvenance agent = report.provenance("gpt", "agent").orElseThrow();
        assertThat(agent.workItems()).isEqualTo(4);
        assertThat(agent.fallbackItems()).isEqualTo(3);
        assertThat(agent.mostlyStandIns()).isTrue();
        RunReport.RowProvenance free = report.provenance("gpt", "context-free").orElseThrow();
        assertThat(free.fallbackItems()).isZero();
        assertThat(free.mostlyStandIns()).isFalse();

        String text = TextReport.render(report);
        assertThat(text)
                .contains("Models by role: target gpt; judge gpt-judge; agent gpt; user-simulator"
                        + " reference-user (rule-based)");
        assertThat(text.lines().filter(line -> line.startsWith("gpt") && line.contains("agent ")))
                .anyMatch(line -> line.contains("MOSTLY RULE-BASED STAND-INS"));
        assertThat(Html.render(report)).contains("3 of 4 items had a rule-based stand-in decide");
    }

    @Test
    void aRowMadeWithTwoPromptTemplatesSaysItIsNotOneMeasurement() {
        RunReport.RowProvenance rich =
                report().provenance("gpt", "context-rich").orElseThrow();

        assertThat(rich.targetPromptVersions()).containsExactly("target-v1", "target-v2");
        assertThat(rich.judgePromptVersions()).containsExactly("judge-rubric-v2");
        assertThat(rich.mixedPromptVersions()).isTrue();
        assertThat(TextReport.render(report())).contains("MIXED PROMPT VERSIONS");
    }

    @Test
    void usageCountsTheAgentsAndTheSimulatorsCallsBesideTargetAndJudge() {
        List<RunReport.UsageSummary> usage = report().usage();

        RunReport.UsageSummary agent =
                usage.stream().filter(u -> u.role().equals("agent")).findFirst().orElseThrow();
        assertThat(agent.calls()).isEqualTo(16);
        assertThat(agent.promptTokens()).isEqualTo(1600);
        assertThat(agent.cost()).isCloseTo(0.008, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(usage).anySatisfy(u -> {
            assertThat(u.role()).isEqualTo("user-simulator");
            assertThat(u.provider()).isEqualTo("reference");
            assertThat(u.calls()).isEqualTo(8);
        });
    }
}
