package io.penguin.judge.persistence;

import io.penguin.contracts.WorkItemId;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Runs the per-record lookup once at boot, for an item that does not exist: its first run translates the query to SQL
 * and opens a database connection, which a run's first records would otherwise wait for, all of them behind the one
 * lookup thread. A failure here is logged and changes nothing (the first record pays instead).
 */
@ApplicationScoped
class LookupWarmUp {

    private static final WorkItemId NO_ITEM = new WorkItemId("warm-up", "warm-up", "warm-up", "warm-up");

    private final JudgementRepository repository;

    LookupWarmUp(JudgementRepository repository) {
        this.repository = repository;
    }

    void onStart(@Observes StartupEvent event) {
        long started = System.nanoTime();
        try {
            QuarkusTransaction.requiringNew().run(() -> repository.findForWorkItems(List.of(NO_ITEM)));
            Log.infof("judgement lookup warmed up in %d ms", (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            Log.warnf("judgement lookup not warmed up: %s", e.getMessage());
        }
    }
}
