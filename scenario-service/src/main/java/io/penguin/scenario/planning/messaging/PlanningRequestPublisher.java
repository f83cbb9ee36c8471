package io.penguin.scenario.planning.messaging;

import io.penguin.contracts.PlanningRequested;
import io.penguin.service.messaging.Acks;
import io.penguin.service.messaging.KafkaRecords;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Publishes planning requests to {@code penguin.planning.requests}, keyed by scenario id, and waits for the acks. */
@ApplicationScoped
public class PlanningRequestPublisher {

    private final MutinyEmitter<Record<String, String>> emitter;

    public PlanningRequestPublisher(
            @Channel("planning-requests") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                    MutinyEmitter<Record<String, String>> emitter) {
        this.emitter = emitter;
    }

    public void publishAll(List<PlanningRequested> requests, Duration timeout) {
        List<Uni<Void>> acks = requests.stream()
                .map(request -> emitter.send(KafkaRecords.of(request)))
                .toList();
        Acks.awaitAll(acks, timeout);
    }
}
