package io.penguin.cli.load.replay;

import java.time.Duration;
import java.util.Locale;

/**
 * When each work item of a replay is due, as nanoseconds after the start; items are numbered from 0 across passes
 * over the recording. Pure functions of the index, so a slow sender catches up rather than shifting the schedule.
 */
public interface Schedule {

    /** Nanoseconds after the start at which item {@code index} is due. Non-decreasing in {@code index}. */
    long dueNanos(long index);

    /** How the schedule reads in a summary, e.g. {@code constant 50.0/s}. */
    String describe();

    /**
     * The recorded pace, {@code speed} times faster. A further pass over the recording starts one mean gap after the
     * previous pass's last item.
     *
     * @param offsetsMillis the recording's offsets, non-decreasing
     */
    static Schedule recorded(long[] offsetsMillis, double speed) {
        if (offsetsMillis.length == 0) {
            throw new IllegalArgumentException("the recording is empty");
        }
        requirePositive(speed, "speed");
        long last = offsetsMillis[offsetsMillis.length - 1];
        long gap = offsetsMillis.length > 1 ? Math.max(1, last / (offsetsMillis.length - 1)) : 1000;
        long passMillis = last + gap;
        int n = offsetsMillis.length;
        return new Schedule() {
            @Override
            public long dueNanos(long index) {
                long pass = index / n;
                long millis = pass * passMillis + offsetsMillis[(int) (index % n)];
                return Math.round(millis * 1_000_000.0 / speed);
            }

            @Override
            public String describe() {
                return String.format(Locale.ROOT, "recorded pace x%s", trim(speed));
            }
        };
    }

    /** {@code perSecond} items per second, evenly spaced. */
    static Schedule constant(double perSecond) {
        requirePositive(perSecond, "rate");
        return new Schedule() {
            @Override
            public long dueNanos(long index) {
                return Math.round(index * 1e9 / perSecond);
            }

            @Override
            public String describe() {
                return String.format(Locale.ROOT, "constant %s/s", trim(perSecond));
            }
        };
    }

    /**
     * A rate rising (or falling) linearly from {@code from} to {@code to} items per second over {@code over}, then
     * staying at {@code to}.
     */
    static Schedule ramp(double from, double to, Duration over) {
        requirePositive(from, "ramp start rate");
        requirePositive(to, "ramp end rate");
        if (over.isNegative() || over.isZero()) {
            throw new IllegalArgumentException("a ramp needs a duration above 0, was " + over);
        }
        double seconds = over.toNanos() / 1e9;
        double slope = (to - from) / seconds;
        // items due by the end of the ramp: the area under the rate line
        double rampItems = (from + to) / 2 * seconds;
        return new Schedule() {
            @Override
            public long dueNanos(long index) {
                double t;
                if (index >= rampItems) {
                    t = seconds + (index - rampItems) / to;
                } else if (Math.abs(slope) < 1e-12) {
                    t = index / from;
                } else {
                    // solve from*t + slope/2*t^2 = index for the smallest t >= 0
                    t = (-from + Math.sqrt(from * from + 2 * slope * index)) / slope;
                }
                return Math.round(t * 1e9);
            }

            @Override
            public String describe() {
                return String.format(Locale.ROOT, "ramp %s/s to %s/s over %s", trim(from), trim(to), over);
            }
        };
    }

    /** {@code size} items at once, every {@code every}. */
    static Schedule bursts(int size, Duration every) {
        if (size < 1) {
            throw new IllegalArgumentException("burst size must be at least 1, was " + size);
        }
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("bursts need an interval above 0, was " + every);
        }
        long period = every.toNanos();
        return new Schedule() {
            @Override
            public long dueNanos(long index) {
                return (index / size) * period;
            }

            @Override
            public String describe() {
                return "bursts of " + size + " every " + every;
            }
        };
    }

    private static void requirePositive(double value, String what) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be above 0, was " + value);
        }
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
