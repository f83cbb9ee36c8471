package io.penguin.service.messaging;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.IntSupplier;

/**
 * How many work items a consumer holds between taking a record and acknowledging it: an item is admitted while fewer
 * than {@link #capacity()} are in flight, else its admission waits (without a thread) until one is released. The
 * capacity is read again at every admission, so it follows the model endpoints' adaptive limits. Because the consumer
 * takes its next record only once the previous one is admitted, a full window stops the intake: the connector's queue
 * fills and it pauses its partitions. That is the back-pressure, in items.
 */
public final class InFlightWindow {

    private final IntSupplier capacity;
    private final Queue<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    private int inFlight;
    private int peak;

    /** @param capacity items allowed in flight now; at least 1 is always allowed */
    public InFlightWindow(IntSupplier capacity) {
        this.capacity = capacity;
    }

    /** A window of a fixed size. */
    public static InFlightWindow fixed(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("an in-flight window must allow at least 1 item, was " + size);
        }
        return new InFlightWindow(() -> size);
    }

    /** Completes once the item holds a place; release it exactly once. */
    public CompletionStage<Void> admit() {
        CompletableFuture<Void> admission = new CompletableFuture<>();
        synchronized (this) {
            if (waiting.isEmpty() && inFlight < capacity()) {
                take();
            } else {
                waiting.add(admission);
                return admission;
            }
        }
        admission.complete(null);
        return admission;
    }

    /** An item is done (its output acknowledged, or given up): its place goes to the next waiting admission. */
    public void release() {
        Queue<CompletableFuture<Void>> admitted = new ArrayDeque<>();
        synchronized (this) {
            if (inFlight == 0) {
                throw new IllegalStateException("released more items than were admitted");
            }
            inFlight--;
            while (!waiting.isEmpty() && inFlight < capacity()) {
                take();
                admitted.add(waiting.poll());
            }
        }
        // completed outside the lock: an admission's continuation may take the next record and ask again
        admitted.forEach(admission -> admission.complete(null));
    }

    public synchronized int inFlight() {
        return inFlight;
    }

    /** The most items that were in flight at once. */
    public synchronized int peak() {
        return peak;
    }

    /** Items allowed in flight now. */
    public int capacity() {
        return Math.max(1, capacity.getAsInt());
    }

    private void take() {
        inFlight++;
        peak = Math.max(peak, inFlight);
    }
}
