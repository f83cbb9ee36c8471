package io.penguin.planning;

import io.penguin.core.Attribute;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Evaluates each attribute SET at most once per plan, whatever order it was reached in and however many rollouts
 * reach it; concurrent requests for the same set wait for the one evaluation. Batches run on the given executor, so
 * independent sets are evaluated concurrently (the model endpoint's own limits still apply beneath).
 */
public final class MemoizedReward {

    private final RewardFunction reward;
    private final Executor executor;
    private final Map<Integer, CompletableFuture<Double>> memo = new ConcurrentHashMap<>();
    private final AtomicInteger evaluations = new AtomicInteger();

    public MemoizedReward(RewardFunction reward, Executor executor) {
        this.reward = reward;
        this.executor = executor;
    }

    /** Evaluates on the calling thread (no concurrency). */
    public static MemoizedReward sequential(RewardFunction reward) {
        return new MemoizedReward(reward, Runnable::run);
    }

    public double reward(int mask) {
        return join(future(mask));
    }

    /** Evaluates the sets not yet known concurrently and waits for all of them. */
    public void prefetch(Collection<Integer> masks) {
        List<CompletableFuture<Double>> pending = new ArrayList<>(masks.size());
        for (int mask : masks) {
            pending.add(future(mask));
        }
        for (CompletableFuture<Double> future : pending) {
            join(future);
        }
    }

    /** The reward of a set already evaluated, or null: never triggers an evaluation. */
    public Double known(int mask) {
        CompletableFuture<Double> future = memo.get(mask);
        return future != null && future.isDone() && !future.isCompletedExceptionally() ? future.join() : null;
    }

    /** How many distinct sets were evaluated (calls to the reward function). */
    public int evaluations() {
        return evaluations.get();
    }

    private CompletableFuture<Double> future(int mask) {
        return memo.computeIfAbsent(
                mask,
                key -> CompletableFuture.supplyAsync(
                        () -> {
                            evaluations.incrementAndGet();
                            Set<Attribute> known = AttributeSets.toSet(key);
                            return reward.reward(known);
                        },
                        executor));
    }

    private static double join(CompletableFuture<Double> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
