package io.penguin.service.problem;

/**
 * Paging and limit query parameters read by hand: JAX-RS turns an unconvertible {@code int} parameter into a 404,
 * and takes a negative page without complaint. Every refusal is an {@link IllegalArgumentException}, so a 400 problem
 * that names the parameter, its range and what was sent.
 */
public final class QueryParameters {

    /** The largest page any listing serves: a bigger page is a bulk export, which has its own endpoint. */
    public static final int MAX_PAGE_SIZE = 1000;

    /** The last page number accepted: past it, an offset of page x size would overflow a 32-bit row offset. */
    public static final int MAX_PAGE = 10_000_000;

    private QueryParameters() {}

    /** A page number: 0 or more, {@code fallback} when absent. */
    public static int page(String name, String raw, int fallback) {
        return whole(name, raw, fallback, 0, MAX_PAGE);
    }

    /** A page size: 1 to {@link #MAX_PAGE_SIZE}, {@code fallback} when absent. */
    public static int size(String name, String raw, int fallback) {
        return whole(name, raw, fallback, 1, MAX_PAGE_SIZE);
    }

    /** A whole number from {@code min} to {@code max}, {@code fallback} when absent or blank. */
    public static int whole(String name, String raw, int fallback, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    name + ": expected a whole number from " + min + " to " + max + ", was '" + shorten(raw) + "'");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + ": must be from " + min + " to " + max + ", was " + value);
        }
        return (int) value;
    }

    /** A number (decimals allowed) from {@code min} to {@code max}, {@code fallback} when absent or blank. */
    public static double number(String name, String raw, double fallback, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new IllegalArgumentException(
                name + ": must be a number from " + min + " to " + max + ", was '" + shorten(raw) + "'");
    }

    /** {@code true} or {@code false}; {@code false} when absent or blank. */
    public static boolean flag(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return false;
        }
        return switch (raw.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + ": must be true or false, was '" + shorten(raw) + "'");
        };
    }

    /** What was sent, cut short: a parameter may be arbitrarily long, a problem detail should not be. */
    private static String shorten(String raw) {
        return raw.length() <= 40 ? raw : raw.substring(0, 40) + "...";
    }
}
