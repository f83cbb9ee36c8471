package io.penguin.service.messaging;

import io.penguin.contracts.Events;
import io.penguin.contracts.PenguinEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * One polled batch, decoded: the events, and the records that could not be decoded with what is wrong with them. A
 * poison record never stops the rest of its batch.
 *
 * @param accepted the records that decoded, in poll order
 * @param rejected the records that did not, with the reason
 */
public record DecodedBatch<T extends PenguinEvent>(List<Accepted<T>> accepted, List<Rejected> rejected) {

    /** A record and its event. */
    public record Accepted<T>(ConsumerRecord<String, String> record, T event) {}

    /** A record that cannot be handled, and why. */
    public record Rejected(ConsumerRecord<String, String> record, String reason) {}

    public static <T extends PenguinEvent> DecodedBatch<T> decode(
            ConsumerRecords<String, String> records, Class<T> type) {
        List<Accepted<T>> accepted = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                accepted.add(new Accepted<>(record, Events.decode(record.value(), type)));
            } catch (RuntimeException e) {
                rejected.add(new Rejected(record, e.getMessage()));
            }
        }
        return new DecodedBatch<>(List.copyOf(accepted), List.copyOf(rejected));
    }

    public List<T> events() {
        return accepted.stream().map(Accepted::event).toList();
    }

    public int size() {
        return accepted.size() + rejected.size();
    }
}
