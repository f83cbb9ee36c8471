package io.penguin.cli.gate;

/**
 * One checked cell of a release gate.
 *
 * @param model the target model (or the model pair of a comparison)
 * @param family the condition family
 * @param domain the domain, or {@code All}
 * @param line what was measured against what, as the summary prints it (without PASS/FAIL)
 * @param passed whether the cell is within the gate
 */
public record Verdict(String model, String family, String domain, String line, boolean passed) {

    /** The summary's line: PASS or FAIL, then what was measured. */
    public String summaryLine() {
        return (passed ? "PASS  " : "FAIL  ") + line;
    }
}
