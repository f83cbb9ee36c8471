package io.penguin.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from the beginning, with a fresh consumer group, for a bounded time. */
final class TopicReader {

    private TopicReader() {}

    static List<ConsumerRecord<String, String>> read(
            String bootstrapServers, String topic, Predicate<ConsumerRecord<String, String>> keep) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        "bootstrap.servers",
                        bootstrapServers,
                        "group.id",
                        "it-" + UUID.randomUUID(),
                        "auto.offset.reset",
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 5_000;
            while (System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(250)).forEach(record -> {
                    if (keep.test(record)) {
                        found.add(record);
                    }
                });
            }
        }
        return found;
    }
}
