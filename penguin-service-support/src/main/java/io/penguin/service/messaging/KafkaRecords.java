package io.penguin.service.messaging;

import io.penguin.contracts.Events;
import io.penguin.contracts.PenguinEvent;
import io.smallrye.reactive.messaging.kafka.Record;

/** Events as Kafka records: JSON value, keyed by the event's aggregate id. */
public final class KafkaRecords {

    private KafkaRecords() {}

    public static Record<String, String> of(PenguinEvent event) {
        return Record.of(event.key(), Events.encode(event));
    }
}
