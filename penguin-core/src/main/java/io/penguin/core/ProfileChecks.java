package io.penguin.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules every profile obeys to be in the catalog, whoever wrote it: every value at most {@value #MAX_VALUE_LENGTH}
 * characters, and {@code Age} whole years ({@value #MIN_AGE} to {@value #MAX_AGE}) or a band of whole years such as
 * {@code 25-34}. Other values are free text: imported reference profiles describe people in their own words.
 * Framework-free and static, so the catalog's import and every service that receives a profile in a message check the
 * same thing; problems name the attribute and never quote its value.
 */
public final class ProfileChecks {

    /** Longest value accepted, for any attribute. */
    public static final int MAX_VALUE_LENGTH = 200;
    /** Youngest age accepted, in whole years. */
    public static final int MIN_AGE = 0;
    /** Oldest age accepted, in whole years. */
    public static final int MAX_AGE = 130;

    // A minus sign is read, so that -1 is "outside" rather than "not an age"; the en dash is how a writer (or a
    // model) often types a range.
    private static final Pattern YEARS = Pattern.compile("-?\\d+");
    private static final Pattern BAND = Pattern.compile("(\\d+)\\s*[-\u2013]\\s*(\\d+)");

    private ProfileChecks() {}

    /**
     * Why one value breaks the rules.
     *
     * @param attribute the attribute whose value it is
     * @param problem what is wrong, without the value
     */
    public record Problem(Attribute attribute, String problem) {

        /** The field as reference files name it, e.g. {@code Age}. */
        public String field() {
            return attribute.label();
        }

        @Override
        public String toString() {
            return field() + ": " + problem;
        }
    }

    /** Everything wrong with a profile, in attribute order; empty when it obeys the rules. */
    public static List<Problem> problems(Profile profile) {
        List<Problem> problems = new ArrayList<>();
        for (Attribute attribute : Attribute.values()) {
            problem(attribute, profile.get(attribute)).ifPresent(problems::add);
        }
        return List.copyOf(problems);
    }

    /** What is wrong with one value, as {@link Profile} stores it (trimmed); empty when it obeys the rules. */
    public static Optional<Problem> problem(Attribute attribute, String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(new Problem(attribute, "missing"));
        }
        String text = value.trim();
        if (attribute == Attribute.AGE) {
            // Its own rule first: "outside 0..130" says more about a 400-digit age than its length does.
            Optional<Problem> age = age(text).map(problem -> new Problem(attribute, problem));
            if (age.isPresent()) {
                return age;
            }
        }
        if (text.length() > MAX_VALUE_LENGTH) {
            return Optional.of(new Problem(attribute, text.length() + " characters; at most " + MAX_VALUE_LENGTH));
        }
        return Optional.empty();
    }

    private static Optional<String> age(String text) {
        if (YEARS.matcher(text).matches()) {
            return years(text).isPresent() ? Optional.empty() : Optional.of(outside());
        }
        Matcher band = BAND.matcher(text);
        if (band.matches()) {
            Optional<Integer> low = years(band.group(1));
            Optional<Integer> high = years(band.group(2));
            if (low.isEmpty() || high.isEmpty()) {
                return Optional.of(outside());
            }
            return low.get() <= high.get()
                    ? Optional.empty()
                    : Optional.of("a band's lower end is above its upper end");
        }
        return Optional.of(expected());
    }

    /** Decimal digits (and a sign) as years within the range; empty when outside, however many digits. */
    private static Optional<Integer> years(String digits) {
        if (digits.startsWith("-")) {
            return digits.chars().skip(1).allMatch(c -> c == '0') ? Optional.of(0) : Optional.empty();
        }
        String significant = digits.replaceFirst("^0+(?=\\d)", "");
        if (significant.length() > 3) {
            return Optional.empty();
        }
        int years = Integer.parseInt(significant);
        return years >= MIN_AGE && years <= MAX_AGE ? Optional.of(years) : Optional.empty();
    }

    private static String outside() {
        return "outside " + MIN_AGE + ".." + MAX_AGE + " years";
    }

    /** What an {@code Age} must look like, for problems found before a value is text (e.g. a JSON number). */
    public static String expected() {
        return "expected whole years (" + MIN_AGE + ".." + MAX_AGE + ") or a band such as 25-34";
    }
}
