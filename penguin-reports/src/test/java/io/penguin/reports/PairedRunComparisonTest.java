package io.penguin.reports;

import static io.penguin.reports.TestRuns.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.penguin.core.Domain;
import io.penguin.reports.PairedRunComparison.PairedCell;
import io.penguin.reports.stats.Bootstrap;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairedRunComparisonTest {

    /** Ten scenarios per domain, context-free and context-rich; the candidate answers the same except where told. */
    private static List<JudgementRow> run(String model, Domain worseOn, int drop) {
        List<JudgementRow> rows = new ArrayList<>();
        for (Domain domain : Domain.values()) {
            for (int s = 0; s < 10; s++) {
                for (String condition : List.of("context-free", "context-rich")) {
                    int score = condition.equals("context-free") ? 3 : 4;
                    if (domain == worseOn) {
                        score -= drop;
                    }
                    rows.add(row(domain.name() + "-" + s, condition, model, "judge", domain, score, score, score));
                }
            }
        }
        return rows;
    }

    private static PairedRunComparison compare(List<JudgementRow> base, List<JudgementRow> candidate) {
        return PairedRunComparison.of("run-a", base, "run-b", candidate, 1.0, 100, Bootstrap.DEFAULT);
    }

    private static PairedCell cell(PairedRunComparison comparison, String family, String domain) {
        return comparison.cells().stream()
                .filter(c -> c.family().equals(family) && c.domain().equals(domain))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aModelMadeWorseOnOneDomainRegressesThereAndNowhereElse() {
        PairedRunComparison comparison = compare(run("model-v1", null, 0), run("model-v2", Domain.values()[2], 2));

        assertThat(comparison.models()).containsExactly(new PairedRunComparison.ModelPair("model-v1", "model-v2"));
        String worse = Domain.values()[2].label();
        PairedCell hit = cell(comparison, "context-free", worse);
        assertThat(hit.pairs()).isEqualTo(10);
        assertThat(hit.difference().mean()).isEqualTo(-2.0);
        assertThat(hit.regressed()).isEqualTo(10);
        assertThat(hit.test().pValue()).isLessThan(0.01);
        PairedCell untouched = cell(comparison, "context-free", Domain.values()[0].label());
        assertThat(untouched.difference().mean()).isZero();
        assertThat(untouched.regressed()).isZero();
        assertThat(untouched.test().pValue()).isEqualTo(1.0);

        PairedCell all = cell(comparison, "context-rich", PairedRunComparison.ALL);
        assertThat(all.pairs()).isEqualTo(10 * Domain.values().length);
        assertThat(all.difference().mean())
                .isCloseTo(-2.0 / Domain.values().length, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(all.difference().low()).isLessThan(all.difference().mean());

        assertThat(comparison.regressionsTotal()).isEqualTo(20);
        assertThat(comparison.regressions()).allSatisfy(regression -> {
            assertThat(regression.domain()).isEqualTo(worse);
            assertThat(regression.difference()).isEqualTo(-2.0);
            assertThat(regression.candidateSample())
                    .isEqualTo("/explorer/#run=run-b&scenario=" + regression.scenarioId() + "&open="
                            + regression.scenarioId() + "&base=run-a");
        });
        assertThat(comparison.onlyInBase()).isZero();
        assertThat(comparison.onlyInCandidate()).isZero();
    }

    @Test
    void aDropOfExactlyTheThresholdCountsAndASmallerOneDoesNot() {
        List<JudgementRow> base = List.of(
                row("s1", "context-free", "m", "judge", Domain.values()[0], 4, 4, 4),
                row("s2", "context-free", "m", "judge", Domain.values()[0], 4, 4, 4));
        List<JudgementRow> candidate = List.of(
                row("s1", "context-free", "m", "judge", Domain.values()[0], 3, 3, 3),
                row("s2", "context-free", "m", "judge", Domain.values()[0], 4, 4, 2));
        PairedRunComparison comparison = compare(base, candidate);
        assertThat(comparison.regressions())
                .extracting(PairedRunComparison.Regression::scenarioId)
                .containsExactly("s1");
        assertThat(cell(comparison, "context-free", PairedRunComparison.ALL).regressed())
                .isEqualTo(1);
    }

    @Test
    void regressionsAreListedWorstFirstUpToTheLimitWithTheTotal() {
        List<JudgementRow> base = new ArrayList<>();
        List<JudgementRow> candidate = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            base.add(row("s" + s, "context-free", "m", "judge", Domain.values()[0], 5, 5, 5));
            candidate.add(row("s" + s, "context-free", "m", "judge", Domain.values()[0], 4 - s, 4 - s, 4 - s));
        }
        PairedRunComparison comparison = PairedRunComparison.of("a", base, "b", candidate, 1.0, 2, Bootstrap.DEFAULT);
        assertThat(comparison.regressionsTotal()).isEqualTo(4);
        assertThat(comparison.regressions())
                .extracting(PairedRunComparison.Regression::scenarioId)
                .containsExactly("s3", "s2");
    }

    @Test
    void unitsWithoutAPartnerAreCountedNotPaired() {
        List<JudgementRow> base = List.of(
                row("s1", "context-free", "m", "judge", Domain.values()[0], 4, 4, 4),
                row("s2", "context-free", "m", "judge", Domain.values()[0], 4, 4, 4));
        List<JudgementRow> candidate = List.of(
                row("s1", "context-free", "m", "judge", Domain.values()[0], 4, 4, 4),
                row("s3", "context-free", "m", "judge", Domain.values()[0], 1, 1, 1));
        PairedRunComparison comparison = compare(base, candidate);
        assertThat(comparison.onlyInBase()).isEqualTo(1);
        assertThat(comparison.onlyInCandidate()).isEqualTo(1);
        assertThat(cell(comparison, "context-free", PairedRunComparison.ALL).pairs())
                .isEqualTo(1);
        assertThat(comparison.regressions()).isEmpty();
    }

    @Test
    void runsOfSeveralModelsPairByNameAndSayWhenNoNameIsShared() {
        List<JudgementRow> base = List.of(
                row("s1", "context-free", "a", "judge", Domain.values()[0], 4, 4, 4),
                row("s1", "context-free", "b", "judge", Domain.values()[0], 4, 4, 4));
        List<JudgementRow> shared = List.of(
                row("s1", "context-free", "b", "judge", Domain.values()[0], 2, 2, 2),
                row("s1", "context-free", "c", "judge", Domain.values()[0], 4, 4, 4));
        assertThat(compare(base, shared).models()).containsExactly(new PairedRunComparison.ModelPair("b", "b"));

        List<JudgementRow> disjoint = List.of(
                row("s1", "context-free", "c", "judge", Domain.values()[0], 4, 4, 4),
                row("s1", "context-free", "d", "judge", Domain.values()[0], 4, 4, 4));
        assertThatThrownBy(() -> compare(base, disjoint))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("share no target model")
                .hasMessageContaining("[a, b]")
                .hasMessageContaining("[c, d]");
    }

    @Test
    void panelJudgesDoNotMoveTheScoreWhenTheRunHasItsOwnJudge() {
        JudgementRow own = row("s1", "context-free", "m", "judge", Domain.values()[0], 4, 4, 4);
        JudgementRow panel = new JudgementRow(
                "s1",
                "context-free",
                "m",
                "panel",
                Domain.values()[0],
                1,
                1,
                1,
                true,
                own.target(),
                own.judge(),
                null,
                true);
        PairedRunComparison comparison = compare(List.of(own), List.of(own, panel));
        assertThat(cell(comparison, "context-free", PairedRunComparison.ALL)
                        .difference()
                        .mean())
                .isZero();
    }

    @Test
    void aBadThresholdOrAnEmptyRunIsRefusedWithTheReason() {
        List<JudgementRow> rows = run("m", null, 0);
        assertThatThrownBy(() -> PairedRunComparison.of("a", rows, "b", rows, 0, 10, Bootstrap.DEFAULT))
                .hasMessageContaining("threshold must be above 0");
        assertThatThrownBy(() -> PairedRunComparison.of("a", rows, "b", List.of(), 1, 10, Bootstrap.DEFAULT))
                .hasMessageContaining("run 'b' has no judgements");
    }
}
