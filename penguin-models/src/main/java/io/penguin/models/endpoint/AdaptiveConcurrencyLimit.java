package io.penguin.models.endpoint;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * How many calls may be in flight: at most the configured maximum, halved when the endpoint pushes back (429, 503,
 * timeouts) on more than {@value #TOLERATED_PUSH_BACK_SHARE} of the recent calls, and raised by one after a window of
 * successes (additive increase, multiplicative decrease). Recent means the last {@code max} outcomes (a window that
 * starts full of successes), so a provider's occasional 429 (2% of calls, answered with a {@code Retry-After} the
 * retry honours) leaves the limit where it is, while one that pushes back on a tenth of the calls or more halves it.
 * Halving on every single 429 held the end-to-end capacity benchmark (two 64-slot endpoints, 2% random 429s) to about
 * 19 judged/s of a 128/s ceiling. Calls that were already in flight when the limit dropped do not drop it again, so
 * one burst of 429s halves it once.
 */
final class AdaptiveConcurrencyLimit {

    /** The share of recent calls an endpoint may push back on before the limit is halved. */
    static final double TOLERATED_PUSH_BACK_SHARE = 0.1;

    private final int max;
    private final IntConsumer onChange;
    /** The last {@code max} outcomes, true for a push-back; starts as successes. */
    private final boolean[] recent;

    private int next;
    private int recentPushBacks;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private int limit;
    private int inFlight;
    private int successes;
    private long epoch;

    AdaptiveConcurrencyLimit(int max, IntConsumer onChange) {
        this.max = max;
        this.limit = max;
        this.onChange = onChange;
        this.recent = new boolean[max];
    }

    /** Waits up to {@code maxWait} for a slot; null when none came. */
    Permit acquire(Duration maxWait) throws InterruptedException {
        long remaining = maxWait.toNanos();
        lock.lock();
        try {
            while (inFlight >= limit) {
                if (remaining <= 0) {
                    return null;
                }
                remaining = released.awaitNanos(remaining);
            }
            inFlight++;
            return new Permit(epoch);
        } finally {
            lock.unlock();
        }
    }

    int limit() {
        lock.lock();
        try {
            return limit;
        } finally {
            lock.unlock();
        }
    }

    int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    /** A held slot; release it exactly once with what happened. */
    final class Permit {
        private final long startedInEpoch;
        private boolean released;

        private Permit(long startedInEpoch) {
            this.startedInEpoch = startedInEpoch;
        }

        void succeeded() {
            release(Outcome.SUCCESS);
        }

        void pushedBack() {
            release(Outcome.PUSH_BACK);
        }

        void failed() {
            release(Outcome.OTHER);
        }

        private void release(Outcome outcome) {
            int changedTo = -1;
            lock.lock();
            try {
                if (released) {
                    return;
                }
                released = true;
                inFlight--;
                remember(outcome == Outcome.PUSH_BACK);
                if (outcome == Outcome.PUSH_BACK
                        && startedInEpoch == epoch
                        && recentPushBacks > TOLERATED_PUSH_BACK_SHARE * recent.length) {
                    int lowered = Math.max(1, limit / 2);
                    epoch++;
                    successes = 0;
                    if (lowered != limit) {
                        limit = lowered;
                        changedTo = limit;
                    }
                } else if (outcome == Outcome.SUCCESS && limit < max && ++successes >= limit) {
                    limit++;
                    successes = 0;
                    changedTo = limit;
                }
                // one freed slot wakes one waiter; a raised limit wakes them all (waking all on every release
                // makes dozens of threads contend for one slot)
                if (changedTo > 0 && outcome == Outcome.SUCCESS) {
                    AdaptiveConcurrencyLimit.this.released.signalAll();
                } else {
                    AdaptiveConcurrencyLimit.this.released.signal();
                }
            } finally {
                lock.unlock();
            }
            if (changedTo > 0) {
                onChange.accept(changedTo);
            }
        }
    }

    private void remember(boolean pushBack) {
        if (recent[next]) {
            recentPushBacks--;
        }
        recent[next] = pushBack;
        if (pushBack) {
            recentPushBacks++;
        }
        next = (next + 1) % recent.length;
    }

    private enum Outcome {
        SUCCESS,
        PUSH_BACK,
        OTHER
    }

    static long nanos(Duration duration) {
        return TimeUnit.NANOSECONDS.convert(duration);
    }
}
