package io.penguin.scenario.runs.messaging;

import io.penguin.contracts.GenerationRequested;
import io.penguin.service.messaging.KafkaRecords;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Publishes work items to {@code penguin.generation.requests} and waits until the broker has them all. */
@ApplicationScoped
public class WorkItemPublisher {

    private final MutinyEmitter<Record<String, String>> emitter;

    public WorkItemPublisher(
            @Channel("generation-requests") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                    MutinyEmitter<Record<String, String>> emitter) {
        this.emitter = emitter;
    }

    public void publishAll(List<GenerationRequested> workItems, Duration timeout) {
        if (workItems.isEmpty()) {
            return;
        }
        List<Uni<Void>> acks = workItems.stream()
                .map(item -> emitter.send(KafkaRecords.of(item)))
                .toList();
        Uni.join().all(acks).andFailFast().await().atMost(timeout);
    }
}
