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

    // At most nine digits keeps the parse within int; the en dash is how a writer (or a model) often types
    // a range.
    private static final Pattern YEARS = Pattern.compile("(\\d{1,9})");
    private static final Pattern BAND = Pattern.compile("(\\d{1,9})\\s*[-\u2013]\\s*(\\d{1,9})");

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
        if (text.length() > MAX_VALUE_LENGTH) {
            return Optional.of(new Problem(attribute, text.length() + " characters; at most " + MAX_VALUE_LENGTH));
        }
        if (attribute == Attribute.AGE) {
            return age(text).map(problem -> new Problem(attribute, problem));
        }
        return Optional.empty();
    }

    private static Optional<String> age(String text) {
        Matcher years = YEARS.matcher(text);
        if (years.matches()) {
            return inRange(Integer.parseInt(years.group(1)));
        }
        Matcher band = BAND.matcher(text);
        if (band.matches()) {
            int low = Integer.parseInt(band.group(1));
            int high = Integer.parseInt(band.group(2));
            Optional<String> outside = inRange(low).or(() -> inRange(high));
            if (outside.isPresent()) {
                return outside;
            }
            return low <= high ? Optional.empty() : Optional.of("a band's lower end is above its upper end");
        }
        return Optional.of(expected());
    }

    private static Optional<String> inRange(int years) {
        return years >= MIN_AGE && years <= MAX_AGE
                ? Optional.empty()
                : Optional.of("outside " + MIN_AGE + ".." + MAX_AGE + " years");
    }

    /** What an {@code Age} must look like, for problems found before a value is text (e.g. a JSON number). */
    public static String expected() {
        return "expected whole years (" + MIN_AGE + ".." + MAX_AGE + ") or a band such as 25-34";
    }
}
