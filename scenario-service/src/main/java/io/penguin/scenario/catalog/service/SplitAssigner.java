package io.penguin.scenario.catalog.service;

import io.penguin.scenario.catalog.persistence.Split;
import java.util.HashMap;
import java.util.Map;

/**
 * Decides the split of each new scenario, once. Stratified: within every (domain, issue) stratum the number of test
 * scenarios stays within one of {@code testFraction} x stratum size after every insert. By hash: inside that bound, a
 * scenario goes to test when the hash of its stable id falls below the fraction, so which scenarios are test does
 * not depend on who imported what first beyond the bound. A stored scenario never changes split.
 */
public final class SplitAssigner {

    private final double testFraction;
    private final Map<String, long[]> strata = new HashMap<>();

    /**
     * @param testFraction share of each stratum that goes to test, 0..1
     * @param existing per stratum key, the stored {total, test} counts
     */
    public SplitAssigner(double testFraction, Map<String, long[]> existing) {
        if (testFraction < 0 || testFraction > 1) {
            throw new IllegalArgumentException(
                    "penguin.catalog.test-fraction must be within 0..1, was " + testFraction);
        }
        this.testFraction = testFraction;
        existing.forEach((key, counts) -> strata.put(key, new long[] {counts[0], counts[1]}));
    }

    public static String stratum(String domain, String issue) {
        return domain + "\u001f" + issue;
    }

    public Split assign(String stratum, String scenarioId) {
        long[] counts = strata.computeIfAbsent(stratum, key -> new long[2]);
        long total = counts[0] + 1;
        long test = counts[1];
        long low = (long) Math.floor(total * testFraction);
        long high = (long) Math.ceil(total * testFraction);
        Split split;
        if (test < low) {
            split = Split.TEST;
        } else if (test + 1 > high) {
            split = Split.TRAIN;
        } else {
            split = ScenarioIds.unit(scenarioId) < testFraction ? Split.TEST : Split.TRAIN;
        }
        counts[0] = total;
        if (split == Split.TEST) {
            counts[1]++;
        }
        return split;
    }
}
