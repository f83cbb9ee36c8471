package io.penguin.service.messaging;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;

/** Waiting for the broker: a batch is acknowledged only after everything it produced is written. */
public final class Acks {

    private Acks() {}

    /** Blocks until every send completed; the first failure (or the timeout) is thrown. */
    public static void awaitAll(List<Uni<Void>> sends, Duration timeout) {
        if (sends.isEmpty()) {
            return;
        }
        Uni.join().all(sends).andFailFast().await().atMost(timeout);
    }
}
