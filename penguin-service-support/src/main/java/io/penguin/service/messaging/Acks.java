package io.penguin.service.messaging;

import io.quarkus.logging.Log;
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

    /**
     * Runs a publication that waits for the broker: true when it took everything, false when it did not, logged as
     * {@code "<what> failed: <cause>"} (ids only in {@code what}); the caller records the outcome.
     */
    public static boolean published(String what, Runnable publication) {
        try {
            publication.run();
            return true;
        } catch (RuntimeException e) {
            Log.errorf("%s failed: %s", what, e.getMessage());
            return false;
        }
    }
}
