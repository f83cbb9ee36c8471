package io.penguin.service.logging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Keeps one bad request from flooding a log: the first warning of a kind (a key, e.g. topic and reason) in a window is
 * written whole; the repeats are counted, and one summary line per kind says how many there were when the window ends
 * ({@link #flush()}, or the next warning after it). At most {@link #MAX_KINDS} kinds are tracked per window; further
 * kinds are counted together. Thread-safe.
 */
public final class RepeatedWarnings {

    /** Kinds tracked in one window; a flood of distinct reasons is summarised as one count beyond that. */
    public static final int MAX_KINDS = 1_000;

    private final long windowNanos;
    private final LongSupplier nanoClock;
    private final Consumer<String> sink;
    private final Map<String, Repeats> kinds = new LinkedHashMap<>();
    private long windowStart;
    private long otherKinds;

    private static final class Repeats {
        final String summary;
        long suppressed;

        Repeats(String summary) {
            this.summary = summary;
        }
    }

    /**
     * @param window how long the repeats of a kind are counted before their summary is written
     * @param nanoClock {@link System#nanoTime()} outside tests
     * @param sink where lines go (a WARN logger)
     */
    public RepeatedWarnings(Duration window, LongSupplier nanoClock, Consumer<String> sink) {
        this.windowNanos = window.toNanos();
        this.nanoClock = nanoClock;
        this.sink = sink;
        this.windowStart = nanoClock.getAsLong();
    }

    /**
     * Writes {@code line} if it is the first of its kind in the current window, else counts it.
     *
     * @param kind what makes two warnings the same (never a record's content)
     * @param line the whole warning
     * @param summary what the repeats are, for the summary line, e.g. "records rejected from t: reason"
     */
    public void warn(String kind, String line, String summary) {
        List<String> out = new ArrayList<>(2);
        synchronized (this) {
            if (nanoClock.getAsLong() - windowStart >= windowNanos) {
                out.addAll(endWindow());
            }
            Repeats repeats = kinds.get(kind);
            if (repeats != null) {
                repeats.suppressed++;
            } else if (kinds.size() >= MAX_KINDS) {
                otherKinds++;
            } else {
                kinds.put(kind, new Repeats(summary));
                out.add(line);
            }
        }
        out.forEach(sink);
    }

    /** Writes the summaries of the current window and starts a new one. */
    public void flush() {
        List<String> out;
        synchronized (this) {
            out = endWindow();
        }
        out.forEach(sink);
    }

    private List<String> endWindow() {
        List<String> out = new ArrayList<>();
        kinds.values().stream()
                .filter(repeats -> repeats.suppressed > 0)
                .forEach(repeats -> out.add(repeats.suppressed + " more like it in the last "
                        + Duration.ofNanos(windowNanos).toSeconds() + " s: " + repeats.summary));
        if (otherKinds > 0) {
            out.add(otherKinds + " more warnings of other kinds in the last "
                    + Duration.ofNanos(windowNanos).toSeconds() + " s (more than " + MAX_KINDS + " kinds)");
        }
        kinds.clear();
        otherKinds = 0;
        windowStart = nanoClock.getAsLong();
        return out;
    }
}
