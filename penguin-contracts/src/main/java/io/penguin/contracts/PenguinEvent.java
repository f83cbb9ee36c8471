package io.penguin.contracts;

import java.time.Instant;
import java.util.UUID;

/** The envelope every event carries (Debezium style): identity, type, schema version, time, and its Kafka key. */
public interface PenguinEvent {

    UUID eventId();

    String type();

    int schemaVersion();

    Instant occurredAt();

    /** The Kafka record key: the aggregate id that orders this event (the scenario id for work items). */
    String key();
}
