package io.penguin.judge.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupedWorkTest {

    private final List<List<Integer>> groups = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstGroupMayFinish = new CountDownLatch(1);
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private GroupedWork<Integer, String> work;

    @AfterEach
    void stop() {
        firstGroupMayFinish.countDown();
        callers.shutdownNow();
        if (work != null) {
            work.close();
        }
    }

    private GroupedWork<Integer, String> work(int maxGroup) {
        work = new GroupedWork<>("test-writes", maxGroup, inputs -> {
            groups.add(inputs);
            if (groups.size() == 1) {
                try {
                    firstGroupMayFinish.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (inputs.contains(-1)) {
                throw new IllegalStateException("unique key violated");
            }
            return inputs.stream().map(input -> "row " + input).toList();
        });
        return work;
    }

    private CompletableFuture<String> call(int input) {
        return CompletableFuture.supplyAsync(() -> work.call(input), callers);
    }

    @Test
    void callsThatArriveWhileAGroupIsBeingDoneShareTheNextGroupAndEachGetsItsOwnResult() {
        work(100);
        CompletableFuture<String> first = call(0);
        await().until(() -> groups.size() == 1);
        List<CompletableFuture<String>> waiting =
                IntStream.rangeClosed(1, 5).mapToObj(this::call).toList();
        await().until(() -> work.waiting() == 5);

        firstGroupMayFinish.countDown();

        assertThat(first.join()).isEqualTo("row 0");
        assertThat(waiting.stream().map(CompletableFuture::join))
                .containsExactly("row 1", "row 2", "row 3", "row 4", "row 5");
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0)).containsExactly(0);
        assertThat(groups.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
    }

    @Test
    void neverPutsMoreThanTheMaximumIntoOneGroup() {
        work(2);
        CompletableFuture<String> first = call(0);
        await().until(() -> groups.size() == 1);
        List<CompletableFuture<String>> waiting =
                IntStream.rangeClosed(1, 5).mapToObj(this::call).toList();
        await().until(() -> work.waiting() == 5);

        firstGroupMayFinish.countDown();

        waiting.forEach(CompletableFuture::join);
        first.join();
        assertThat(groups).extracting(List::size).containsExactly(1, 2, 2, 1);
    }

    @Test
    void aFailedGroupFailsEveryCallerInItAndTheNextGroupGoesOn() {
        work(100);
        firstGroupMayFinish.countDown();
        CompletableFuture<String> failed = call(-1);

        assertThat(failed)
                .failsWithin(java.time.Duration.ofMinutes(1))
                .withThrowableThat()
                .withMessageContaining("unique key violated");
        assertThat(call(4).join()).isEqualTo("row 4");
    }
}
