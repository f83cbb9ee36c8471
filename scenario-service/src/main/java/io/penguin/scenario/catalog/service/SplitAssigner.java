package io.penguin.scenario.catalog.service;

import io.penguin.catalog.ScenarioIds;
import io.penguin.core.Scenario;
import io.penguin.scenario.catalog.persistence.Split;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides the split of each new scenario by its person: a profile (the same ten values) and every query of it fall in
 * one split, whatever issue it comes with, so a test scenario never retrieves a plan made for its own hidden person.
 * A person keeps the split it got when it was first stored. A new person is stratified: within every (domain, issue)
 * stratum the number of test persons stays within one of {@code testFraction} x the stratum's persons after every new
 * person; inside that bound the seeded hash of the person's values decides, so which persons are test does not depend
 * on who imported what first beyond the bound. A stored scenario never changes split.
 */
public final class SplitAssigner {

    /** The seed when none is configured: {@code penguin.catalog.split-seed}'s default. */
    public static final long DEFAULT_SEED = 1;

    private static final char SEPARATOR = '\u001f';

    /**
     * A person already in the catalog, as first stored.
     *
     * @param person its key, {@link ScenarioIds#person}
     * @param stratum where it was first stored, {@link #stratum}
     * @param split the split of its first stored scenario
     */
    public record StoredPerson(String person, String stratum, Split split) {}

    private final double testFraction;
    private final long seed;
    /** Per stratum, {persons first stored in it, of which test}. */
    private final Map<String, long[]> strata = new HashMap<>();

    private final Map<String, Split> persons = new HashMap<>();

    /**
     * @param testFraction share of each stratum's persons that goes to test, 0..1
     * @param seed seeds the hash that decides inside the bound
     * @param stored the persons the catalog holds, each once
     */
    public SplitAssigner(double testFraction, long seed, Collection<StoredPerson> stored) {
        if (testFraction < 0 || testFraction > 1) {
            throw new IllegalArgumentException(
                    "penguin.catalog.test-fraction must be within 0..1, was " + testFraction);
        }
        this.testFraction = testFraction;
        this.seed = seed;
        for (StoredPerson person : stored) {
            if (persons.putIfAbsent(person.person(), person.split()) == null) {
                count(person.stratum(), person.split());
            }
        }
    }

    /**
     * An assigner with the default seed that starts from counts only, as a catalog with no person known yet.
     *
     * @param existing per stratum key, the {persons, test persons} counts
     */
    public SplitAssigner(double testFraction, Map<String, long[]> existing) {
        this(testFraction, DEFAULT_SEED, List.of());
        existing.forEach((key, counts) -> strata.put(key, new long[] {counts[0], counts[1]}));
    }

    public static String stratum(String domain, String issue) {
        return domain + SEPARATOR + issue;
    }

    /** The split of a new scenario: its person's. */
    public Split assign(Scenario scenario) {
        return assign(stratum(scenario.domain().label(), scenario.issue()), ScenarioIds.person(scenario.profile()));
    }

    /**
     * The split of a person: the one it already has, else one decided now in the stratum it first appears in.
     *
     * @param person a person's key ({@link ScenarioIds#person}); any string that is the same for all of its scenarios
     */
    public Split assign(String stratum, String person) {
        Split known = persons.get(person);
        if (known != null) {
            return known;
        }
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
            split = ScenarioIds.unit(Long.toString(seed) + SEPARATOR + person) < testFraction
                    ? Split.TEST
                    : Split.TRAIN;
        }
        persons.put(person, split);
        count(stratum, split);
        return split;
    }

    private void count(String stratum, Split split) {
        long[] counts = strata.computeIfAbsent(stratum, key -> new long[2]);
        counts[0]++;
        if (split == Split.TEST) {
            counts[1]++;
        }
    }
}
