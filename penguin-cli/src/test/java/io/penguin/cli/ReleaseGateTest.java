package io.penguin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.penguin.cli.run.ReleaseGate;
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
        List<ReleaseGate.Verdict> verdicts = ReleaseGate.check(report(), 3.5);

        assertThat(verdicts).extracting(ReleaseGate.Verdict::passed).containsExactly(false, true);
        assertThat(ReleaseGate.passed(verdicts)).isFalse();
        assertThat(ReleaseGate.summary("run-1", verdicts))
                .contains("FAIL  m")
                .contains("context-free")
                .contains("All 3.20 (n=70) < 3.50")
                .contains("GATE FAILED: 1 of 2 rows below the floor");
        assertThat(ReleaseGate.junitXml("run-1", verdicts))
                .contains("tests=\"2\" failures=\"1\"")
                .contains("<testcase classname=\"m\" name=\"context-rich\"/>")
                .contains("<failure message=\"FAIL");
    }

    @Test
    void everyRowAtOrAboveTheFloorPasses() throws Exception {
        List<ReleaseGate.Verdict> verdicts = ReleaseGate.check(report(), 3.2);

        assertThat(ReleaseGate.passed(verdicts)).isTrue();
        assertThat(ReleaseGate.summary("run-1", verdicts)).contains("GATE PASSED: 2 rows");
    }

    @Test
    void aReportWithoutRowsNeverPassesAndTheFloorIsBounded() throws Exception {
        assertThat(ReleaseGate.passed(ReleaseGate.check(new ObjectMapper().readTree("{\"rows\": []}"), 3)))
                .isFalse();
        assertThatThrownBy(() -> ReleaseGate.check(report(), 6))
                .hasMessageContaining("--fail-under")
                .hasMessageContaining("1 to 5");
    }
}
