package io.penguin.reports;

import static io.penguin.reports.TestRuns.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.penguin.core.Domain;
import io.penguin.reports.RunReport.Cell;
import io.penguin.reports.RunReport.DimensionAgreement;
import io.penguin.reports.RunReport.UsageSummary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportBuilderTest {

    private final ReportBuilder builder = new ReportBuilder();

    @Test
    void rowsAreConditionFamiliesInReportOrderWithOneUnitPerScenario() {
        RunReport report = builder.build("run", TestRuns.fullRun("m", 7));
        assertThat(report.families())
                .startsWith("context-free", "context-rich", "static-3", "random-3", "best-3", "agent", "single:Age")
                .hasSize(6 + 10);
        assertThat(report.columns())
                .containsExactly("Relationship", "Career", "Financial", "Social", "Health", "Life", "Education", "All");
        Cell best = report.row("m", "best-3").orElseThrow().cell("All").orElseThrow();
        assertThat(best.n()).as("one unit per scenario, however many triples").isEqualTo(14);
        assertThat(report.row("m", "random-3")
                        .orElseThrow()
                        .cell("Health")
                        .orElseThrow()
                        .n())
                .isEqualTo(2);
        assertThat(report.workItems()).isEqualTo(14 * (4 + 10 + 1 + 120));
    }

    @Test
    void best3KeepsTheBestTripleOfEachScenarioAndCountsItsAttributes() {
        List<JudgementRow> rows = new ArrayList<>();
        rows.add(row("s1", "best-3:Age+Gender+Profession", "m", "j", Domain.HEALTH, 2, 2, 2));
        rows.add(row("s1", "best-3:Age+Mental Health Status+Emotional State", "m", "j", Domain.HEALTH, 5, 4, 3));
        rows.add(row("s2", "best-3:Age+Gender+Profession", "m", "j", Domain.HEALTH, 3, 3, 3));
        rows.add(row("s2", "best-3:Gender+Mental Health Status+Emotional State", "m", "j", Domain.HEALTH, 4, 5, 3));
        RunReport report = builder.build("run", rows);
        Cell all = report.row("m", "best-3").orElseThrow().cell("All").orElseThrow();
        assertThat(all.n()).isEqualTo(2);
        assertThat(all.safety().mean()).isCloseTo(4.0, within(1e-12));
        assertThat(all.riskSensitivity().mean()).isCloseTo(4.5, within(1e-12));
        RunReport.Best3Winners winners = report.best3().get(0);
        assertThat(winners.attributes().get(0).wins()).isEqualTo(2);
        assertThat(winners.attributes().stream().limit(2).map(RunReport.AttributeWins::attribute))
                .containsExactlyInAnyOrder("Mental Health Status", "Emotional State");
    }

    @Test
    void severalJudgesAreAveragedPerItemAndTheirAgreementIsReported() {
        List<JudgementRow> rows = new ArrayList<>();
        int[][] a = {{1, 2, 1}, {3, 3, 2}, {5, 4, 4}, {2, 2, 2}, {4, 5, 3}};
        int[][] b = {{2, 2, 1}, {3, 4, 2}, {5, 5, 4}, {1, 2, 2}, {4, 4, 3}};
        for (int i = 0; i < a.length; i++) {
            rows.add(row("s" + i, "context-free", "m", "judge-a", Domain.LIFE, a[i][0], a[i][1], a[i][2]));
            rows.add(row("s" + i, "context-free", "m", "judge-b", Domain.LIFE, b[i][0], b[i][1], b[i][2]));
        }
        RunReport report = builder.build("run", rows);
        Cell cell = report.row("m", "context-free").orElseThrow().cell("Life").orElseThrow();
        assertThat(cell.n()).isEqualTo(5);
        assertThat(cell.riskSensitivity().mean()).isCloseTo((15 + 15) / 10.0, within(1e-12));
        assertThat(report.agreement().judges()).containsExactly("judge-a", "judge-b");
        assertThat(report.agreement().units()).isEqualTo(5);
        DimensionAgreement risk = report.agreement().dimensions().get(0);
        assertThat(risk.alphaInterval()).isBetween(0.7, 1.0);
        assertThat(risk.quadraticWeightedKappa()).isBetween(0.7, 1.0);
        DimensionAgreement alignment = report.agreement().dimensions().get(2);
        assertThat(alignment.alphaInterval()).as("identical alignment scores").isEqualTo(1.0);
        assertThat(report.usage().stream().filter(u -> u.role().equals("target")))
                .as("a target call counts once whatever the number of judges")
                .singleElement()
                .extracting(UsageSummary::calls)
                .isEqualTo(5L);
    }

    @Test
    void contextGainSensitivityAndComparisonsArePairedOverTheSameScenarios() {
        RunReport report = builder.build("run", TestRuns.fullRun("m", 7));
        RunReport.ContextGain gain = report.contextGain().get(0);
        double free = report.row("m", "context-free")
                .orElseThrow()
                .cell("All")
                .orElseThrow()
                .safety()
                .mean();
        double rich = report.row("m", "context-rich")
                .orElseThrow()
                .cell("All")
                .orElseThrow()
                .safety()
                .mean();
        assertThat(gain.improvementPercent()).isCloseTo((rich - free) / free * 100, within(1e-9));
        assertThat(gain.comparison().pairs()).isEqualTo(14);
        assertThat(gain.comparison().test().pValue()).isLessThan(0.01);
        assertThat(gain.comparison().test().rankBiserial()).isGreaterThan(0.9);
        assertThat(report.sensitivity()).hasSize(10);
        assertThat(report.sensitivity().subList(0, 3))
                .extracting(RunReport.Sensitivity::attribute)
                .containsExactlyInAnyOrder("Emotional State", "Mental Health Status", "Past Self-Harm History");
        assertThat(report.sensitivity()
                        .get(0)
                        .comparison()
                        .difference()
                        .contains(report.sensitivity()
                                .get(0)
                                .comparison()
                                .difference()
                                .mean()))
                .isTrue();
        assertThat(report.comparisons())
                .extracting(c -> c.first() + ">" + c.second())
                .contains(
                        "context-free>context-rich",
                        "context-free>best-3",
                        "static-3>random-3",
                        "static-3>best-3",
                        "random-3>best-3");
    }

    @Test
    void raiseRowsAppearOnlyWithAgentConditionsAndQuestionsOnlyWhenRecorded() {
        RunReport withAgent = builder.build("run", TestRuns.fullRun("m", 7));
        assertThat(withAgent.raise().rows())
                .extracting(RunReport.ScoreRow::label)
                .containsExactly("Vanilla", "+Agent");
        assertThat(withAgent.raise().questions())
                .as("no question counts recorded, none invented")
                .isEmpty();

        List<JudgementRow> rows = new ArrayList<>();
        rows.add(row("s1", "context-free", "m", "j", Domain.CAREER, 2, 2, 2));
        rows.add(new JudgementRow(
                "s1",
                "agent",
                "m",
                "j",
                Domain.CAREER,
                4,
                4,
                4,
                true,
                TestRuns.row("s", "c", "m", "j", Domain.CAREER, 1, 1, 1).target(),
                TestRuns.row("s", "c", "m", "j", Domain.CAREER, 1, 1, 1).judge(),
                2,
                false));
        RunReport.AgentQuestions questions =
                builder.build("run", rows).raise().questions().get(0);
        assertThat(questions.meanQuestions()).isEqualTo(2.0);
        assertThat(questions.safetyGainPerQuestion()).isCloseTo(1.0, within(1e-12));

        RunReport plain = builder.build("run", List.of(row("s1", "context-free", "m", "j", Domain.CAREER, 2, 2, 2)));
        assertThat(plain.raise()).isNull();
        assertThat(plain.agreement()).isNull();
    }

    @Test
    void costIsSummedWhereAPriceIsKnownAndUnknownOtherwise() {
        List<JudgementRow> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(new JudgementRow(
                    "s" + i,
                    "context-free",
                    "gpt",
                    "judge",
                    Domain.SOCIAL,
                    3,
                    3,
                    3,
                    false,
                    new CallUsage("openai", 100, 50, 200, 0.25),
                    new CallUsage("openai", 50, 400, 80, null),
                    null,
                    false));
        }
        RunReport report = builder.build("run", rows);
        UsageSummary target = report.usage().get(0);
        UsageSummary judge = report.usage().get(1);
        assertThat(target.role()).isEqualTo("target");
        assertThat(target.cost()).isCloseTo(0.75, within(1e-12));
        assertThat(target.pricedCalls()).isEqualTo(3);
        assertThat(target.meanLatencyMillis()).isEqualTo(100.0);
        assertThat(judge.cost()).as("no price configured: unknown").isNull();
        assertThat(judge.promptTokens()).isEqualTo(1200);
        assertThat(report.referenceModels()).isFalse();
    }

    @Test
    void panelJudgesCountForAgreementButNotForTheScores() {
        List<JudgementRow> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            JudgementRow own = row("s" + i, "context-free", "m", "judge", Domain.CAREER, 4, 4, 4);
            rows.add(own);
            rows.add(new JudgementRow(
                    own.scenarioId(),
                    own.condition(),
                    own.model(),
                    "strict-judge",
                    own.domain(),
                    2,
                    2,
                    2 + i % 2,
                    own.reference(),
                    own.target(),
                    own.judge(),
                    null,
                    true));
        }
        RunReport report = builder.build("run", rows);
        assertThat(report.rows()
                        .get(0)
                        .cell(RunReport.ALL)
                        .orElseThrow()
                        .safety()
                        .mean())
                .as("the run's judge alone")
                .isEqualTo(4.0);
        assertThat(report.agreement().judges()).containsExactly("judge", "strict-judge");
        assertThat(report.agreement().units()).isEqualTo(4);
    }

    @Test
    void theSameRowsAlwaysGiveTheSameReport() {
        assertThat(builder.build("run", TestRuns.fullRun("m", 3)))
                .isEqualTo(builder.build("run", TestRuns.fullRun("m", 3)));
    }
}
