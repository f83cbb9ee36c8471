package io.penguin.cli.load;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;

/** Durations as people type them ({@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h}) or in ISO-8601 ({@code PT30S}). */
public final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    public static Duration parse(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (text.startsWith("p")) {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            }
            if (text.endsWith("ms")) {
                return Duration.ofMillis(
                        Long.parseLong(text.substring(0, text.length() - 2).trim()));
            }
            return Duration.parse("PT" + text.toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "'" + value + "' is not a duration; write e.g. 250ms, 30s, 5m, 1h or PT30S", e);
        }
    }
}
