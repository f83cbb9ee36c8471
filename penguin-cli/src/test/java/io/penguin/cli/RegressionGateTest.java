package io.penguin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.penguin.cli.gate.GateScope;
import io.penguin.cli.gate.Gates;
import io.penguin.cli.gate.RegressionGate;
import io.penguin.cli.gate.Verdict;
import io.penguin.reports.PairedRunComparison;
import io.penguin.reports.PairedRunComparison.ModelPair;
import io.penguin.reports.PairedRunComparison.PairedCell;
import io.penguin.reports.stats.Estimate;
import io.penguin.reports.stats.PairedTest;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegressionGateTest {

    private static final ModelPair MODELS = new ModelPair("m-v1", "m-v2");

    private static PairedCell cell(String family, String domain, double difference) {
        return new PairedCell(
                MODELS,
                family,
                domain,
                10,
                4.0,
                4.0 + difference,
                new Estimate(difference, difference - 0.1, difference + 0.1),
                new PairedTest(10, 10, 0, 55, PairedTest.EXACT, null, 0.002, -1),
                0,
                difference < 0 ? 10 : 0);
    }

    /** context-free lost 0.5 in Health, which is 0.1 over all domains; context-rich is unchanged. */
    private static PairedRunComparison comparison() {
        return new PairedRunComparison(
                "base",
                "candidate",
                false,
                1.0,
                List.of(MODELS),
                List.of(
                        cell("context-free", "Health", -0.5),
                        cell("context-free", "All", -0.1),
                        cell("context-rich", "Health", 0),
                        cell("context-rich", "All", 0)),
                List.of(),
                0,
                0,
                0);
    }

    @Test
    void byRowASmallOverallDropPassesAndByDomainTheDomainThatDroppedFails() {
        List<Verdict> rows = RegressionGate.check(comparison(), 0.2, GateScope.row);
        assertThat(rows).extracting(Verdict::passed).containsExactly(true, true);
        assertThat(Gates.passed(rows)).isTrue();

        List<Verdict> domains = RegressionGate.check(comparison(), 0.2, GateScope.domain);
        assertThat(domains).extracting(Verdict::passed).containsExactly(false, true);
        assertThat(RegressionGate.summary(comparison(), domains))
                .contains("Regression gate for run candidate against base")
                .contains("FAIL  m-v1 -> m-v2")
                .contains("-0.50 [-0.60, -0.40] (pairs=10, worse=10) < -0.20")
                .contains("GATE FAILED: 1 of 2 cells dropped further than allowed");
        assertThat(RegressionGate.junitXml(comparison(), domains))
                .contains("tests=\"2\" failures=\"1\"")
                .contains("name=\"context-free / Health\"");
    }

    @Test
    void aDropOfExactlyTheAllowedAmountPassesAndTheAllowanceIsBounded() {
        assertThat(RegressionGate.check(comparison(), 0.5, GateScope.domain))
                .extracting(Verdict::passed)
                .containsExactly(true, true);
        assertThatThrownBy(() -> RegressionGate.check(comparison(), -1, GateScope.row))
                .hasMessageContaining("--fail-on-regression")
                .hasMessageContaining("0 to 4");
    }
}
