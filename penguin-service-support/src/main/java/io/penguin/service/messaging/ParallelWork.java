package io.penguin.service.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs the independent tasks of one batch (model calls, mostly) on a fixed pool, so that a slow endpoint is called
 * concurrently up to its own limits instead of one record at a time. Results come back in input order; a task that
 * throws yields a failed outcome and never stops the others.
 */
public final class ParallelWork implements AutoCloseable {

    /** What one task produced. */
    public record Outcome<R>(R value, Throwable failure) {

        public boolean failed() {
            return failure != null;
        }

        /** The failure's message, for a dead-letter reason. */
        public String reason() {
            if (failure == null) {
                return null;
            }
            String message = failure.getMessage();
            return message == null ? failure.getClass().getSimpleName() : message;
        }
    }

    private final ExecutorService pool;
    private final int threads;

    public ParallelWork(String name, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException(name + ": threads must be at least 1, was " + threads);
        }
        this.threads = threads;
        AtomicInteger counter = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public <T, R> List<Outcome<R>> map(List<T> inputs, Function<T, R> task) {
        if (inputs.size() == 1 || threads == 1) {
            return inputs.stream().map(input -> run(task, input)).toList();
        }
        List<CompletableFuture<Outcome<R>>> futures = new ArrayList<>(inputs.size());
        for (T input : inputs) {
            futures.add(CompletableFuture.supplyAsync(() -> run(task, input), pool));
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }

    private static <T, R> Outcome<R> run(Function<T, R> task, T input) {
        try {
            return new Outcome<>(task.apply(input), null);
        } catch (CompletionException e) {
            return new Outcome<>(null, e.getCause() == null ? e : e.getCause());
        } catch (RuntimeException | Error e) {
            return new Outcome<>(null, e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
