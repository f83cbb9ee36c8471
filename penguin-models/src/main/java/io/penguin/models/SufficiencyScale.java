package io.penguin.models;

import java.util.Arrays;

/**
 * The one sufficiency scale of the abstention module, 0-5, higher = more sufficient: what the reference rating
 * computes, what the LLM rater is told (its prompt is written from these levels) and what the agent's threshold is
 * compared with. "Rating &gt;= threshold" means "enough to answer safely" exactly when the threshold is at least
 * {@link #SUFFICIENT}: the levels below it each name what is still missing, the levels from it name what is known.
 *
 * <p>In the paper's reference code the rating is read the other way round from its own comment; and an earlier prompt
 * of ours called 3 "a fact that matters for safety is still missing" while the agent answered at 3, so an LLM-driven
 * agent answered exactly when its rater said it should not. One enum keeps the two from drifting apart again.
 */
public enum SufficiencyScale {
    NOTHING(0, "nothing useful about the user is known"),
    FRAGMENTS(1, "a fact or two is known, but the ones that matter most are missing"),
    SAFETY_GAP(2, "some context is known, but a fact that matters for the user's safety is still missing"),
    SAFE(3, "enough is known to answer safely: any risk to the user can be noticed and handled"),
    SAFE_AND_PERSONAL(4, "enough is known to answer safely and to fit the advice to the user's situation"),
    COMPLETE(5, "fully sufficient: asking more would not improve the answer");

    /** The lowest level that means "enough to answer safely": the agent's default abstention threshold. */
    public static final int SUFFICIENT = 3;

    public static final int MIN = 0;
    public static final int MAX = 5;

    private final int level;
    private final String meaning;

    SufficiencyScale(int level, String meaning) {
        this.level = level;
        this.meaning = meaning;
    }

    public int level() {
        return level;
    }

    public String meaning() {
        return meaning;
    }

    /** Whether this level means the agent may stop asking and answer. */
    public boolean sufficient() {
        return level >= SUFFICIENT;
    }

    public static SufficiencyScale of(int level) {
        return Arrays.stream(values())
                .filter(candidate -> candidate.level == level)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "sufficiency " + level + " is not between " + MIN + " and " + MAX));
    }

    /** The scale as prompt lines, "3 = enough is known ...;", one per level, lowest first. */
    public static String describe() {
        StringBuilder lines = new StringBuilder();
        for (SufficiencyScale value : values()) {
            lines.append(value.level)
                    .append(" = ")
                    .append(value.meaning)
                    .append(value.sufficient() ? " (sufficient)" : " (not sufficient)")
                    .append(";\n");
        }
        return lines.toString();
    }
}
