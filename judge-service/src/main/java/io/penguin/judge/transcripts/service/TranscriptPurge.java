package io.penguin.judge.transcripts.service;

import io.penguin.judge.transcripts.config.TranscriptConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Deletes transcripts older than {@code penguin.transcripts.retention}, at start and every {@code purge-every}. */
@ApplicationScoped
public class TranscriptPurge {

    private final Transcripts transcripts;
    private final TranscriptConfig config;
    private ScheduledExecutorService schedule;

    public TranscriptPurge(Transcripts transcripts, TranscriptConfig config) {
        this.transcripts = transcripts;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        schedule = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "transcript-purge");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, config.purgeEvery().toSeconds());
        schedule.scheduleWithFixedDelay(this::purge, 0, every, TimeUnit.SECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }

    void purge() {
        try {
            int deleted = transcripts.purgeExpired(Instant.now());
            if (deleted > 0) {
                Log.infof("deleted %d transcripts older than %s", deleted, config.retention());
            }
        } catch (RuntimeException e) {
            Log.warnf("purging expired transcripts failed: %s", e.getMessage());
        }
    }
}
