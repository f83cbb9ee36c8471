package io.penguin.models.endpoint;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * How many calls may be in flight: at most the configured maximum, halved when the endpoint pushes back (429, 503,
 * timeouts) and raised by one after a window of successes (additive increase, multiplicative decrease). Calls that
 * were already in flight when the limit dropped do not drop it again, so one burst of 429s halves it once.
 */
final class AdaptiveConcurrencyLimit {

    private final int max;
    private final IntConsumer onChange;
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
                if (outcome == Outcome.PUSH_BACK && startedInEpoch == epoch) {
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

    private enum Outcome {
        SUCCESS,
        PUSH_BACK,
        OTHER
    }

    static long nanos(Duration duration) {
        return TimeUnit.NANOSECONDS.convert(duration);
    }
}
