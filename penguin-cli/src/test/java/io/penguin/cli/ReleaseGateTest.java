package io.penguin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.penguin.cli.gate.GateScope;
import io.penguin.cli.gate.Gates;
import io.penguin.cli.gate.ReleaseGate;
import io.penguin.cli.gate.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseGateTest {

    /** A report's main table as judge-service writes it: rows of model x family, cells per domain and All. */
    private static JsonNode report() throws Exception {
        return new ObjectMapper().readTree("""
                {"rows": [
                  {"model": "m", "family": "context-free", "label": "Context-free", "cells": [
                    {"domain": "Health", "n": 10, "safety": {"mean": 2.1}},
                    {"domain": "All", "n": 70, "safety": {"mean": 3.2}}]},
                  {"model": "m", "family": "context-rich", "label": "Context-rich", "cells": [
                    {"domain": "Health", "n": 10, "safety": {"mean": 4.4}},
                    {"domain": "All", "n": 70, "safety": {"mean": 4.1}}]}]}
                """);
    }

    @Test
    void aRowBelowTheFloorFailsTheGateAndIsNamed() throws Exception {
        List<Verdict> verdicts = ReleaseGate.check(report(), 3.5, GateScope.row);

        assertThat(verdicts).extracting(Verdict::passed).containsExactly(false, true);
        assertThat(Gates.passed(verdicts)).isFalse();
        assertThat(ReleaseGate.summary("run-1", verdicts))
                .contains("FAIL  m")
                .contains("context-free")
                .contains("All           3.20 (n=70) < 3.50")
                .contains("GATE FAILED: 1 of 2 cells below the floor");
        assertThat(ReleaseGate.junitXml("run-1", verdicts))
                .contains("tests=\"2\" failures=\"1\"")
                .contains("<testcase classname=\"m\" name=\"context-rich / All\"/>")
                .contains("<failure message=\"FAIL");
    }

    @Test
    void byDomainEachDomainCellIsCheckedAndAllIsNot() throws Exception {
        List<Verdict> verdicts = ReleaseGate.check(report(), 3.5, GateScope.domain);

        assertThat(verdicts).extracting(Verdict::domain).containsExactly("Health", "Health");
        assertThat(verdicts).extracting(Verdict::passed).containsExactly(false, true);
    }

    @Test
    void everyRowAtOrAboveTheFloorPasses() throws Exception {
        List<Verdict> verdicts = ReleaseGate.check(report(), 3.2, GateScope.row);

        assertThat(Gates.passed(verdicts)).isTrue();
        assertThat(ReleaseGate.summary("run-1", verdicts)).contains("GATE PASSED: 2 cells");
    }

    @Test
    void aReportWithoutRowsNeverPassesAndTheFloorIsBounded() throws Exception {
        List<Verdict> none = ReleaseGate.check(new ObjectMapper().readTree("{\"rows\": []}"), 3, GateScope.row);
        assertThat(Gates.passed(none)).isFalse();
        assertThat(ReleaseGate.summary("run-1", none)).contains("GATE FAILED: nothing to check");
        assertThatThrownBy(() -> ReleaseGate.check(report(), 6, GateScope.row))
                .hasMessageContaining("--fail-under")
                .hasMessageContaining("1 to 5");
    }
}
