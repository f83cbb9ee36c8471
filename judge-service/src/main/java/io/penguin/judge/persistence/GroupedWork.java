package io.penguin.judge.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * A small write-behind: callers on many threads each hand in one input and wait; one thread takes whatever has
 * gathered meanwhile (up to {@code maxGroup}) and does it in one go (one query, one transaction), then answers each
 * caller. Grouping comes from the load alone: under a trickle each input goes on its own, under a flood they share a
 * transaction, and nobody waits for a group to fill. A caller returns only after its group is done, so a record is
 * acknowledged only after its row is committed.
 *
 * @param <I> one caller's input
 * @param <O> one caller's result
 */
public final class GroupedWork<I, O> implements AutoCloseable {

    private record Pending<I, O>(I input, CompletableFuture<O> result) {}

    private final BlockingQueue<Pending<I, O>> queue = new LinkedBlockingQueue<>();
    private final int maxGroup;
    private final Function<List<I>, List<O>> group;
    private final Thread worker;

    /** @param group does a group at once: one result per input, in order; throwing fails the whole group */
    public GroupedWork(String name, int maxGroup, Function<List<I>, List<O>> group) {
        if (maxGroup < 1) {
            throw new IllegalArgumentException(name + ": a group holds at least 1 input, was " + maxGroup);
        }
        this.maxGroup = maxGroup;
        this.group = group;
        this.worker = new Thread(this::run, name);
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Blocks until the group this input joined is done; its result, or the group's failure. */
    public O call(I input) {
        CompletableFuture<O> result = new CompletableFuture<>();
        queue.add(new Pending<>(input, result));
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a group", e);
        }
    }

    /** Inputs waiting for a group. */
    int waiting() {
        return queue.size();
    }

    private void run() {
        List<Pending<I, O>> pending = new ArrayList<>(maxGroup);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                pending.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(pending, maxGroup - 1);
            try {
                List<O> results =
                        group.apply(pending.stream().map(Pending::input).toList());
                if (results.size() != pending.size()) {
                    throw new IllegalStateException(
                            "a group of " + pending.size() + " gave " + results.size() + " results");
                }
                for (int i = 0; i < pending.size(); i++) {
                    pending.get(i).result().complete(results.get(i));
                }
            } catch (RuntimeException | Error e) {
                pending.forEach(each -> each.result().completeExceptionally(e));
            }
            pending.clear();
        }
    }

    @Override
    public void close() {
        worker.interrupt();
        List<Pending<I, O>> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(each -> each.result().completeExceptionally(new IllegalStateException("shut down")));
    }
}
