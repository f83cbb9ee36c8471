package io.penguin.cli.gate;

/** Which cells a gate checks. */
public enum GateScope {
    /** Each model x condition family over all domains (the report's {@code All} column). */
    row,
    /** Each model x condition family x domain. */
    domain;

    boolean checks(String domain) {
        return this == row ? Gates.ALL.equals(domain) : !Gates.ALL.equals(domain);
    }
}
