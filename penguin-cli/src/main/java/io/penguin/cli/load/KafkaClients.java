package io.penguin.cli.load;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Kafka clients of the load tools, on the bootstrap servers the user names. Consumers are assigned partitions
 * rather than joining a group, so the tools commit no offsets and show up in no service's consumer-group listing.
 */
public final class KafkaClients {

    private KafkaClients() {}

    public static KafkaProducer<String, String> producer(String bootstrapServers) {
        return new KafkaProducer<>(
                Map.of(
                        "bootstrap.servers",
                        bootstrapServers,
                        "client.id",
                        "penguin-load-producer",
                        "acks",
                        "all",
                        "linger.ms",
                        5),
                new StringSerializer(),
                new StringSerializer());
    }

    /** A consumer that belongs to no group (offsets are never committed); assign partitions to it. */
    public static KafkaConsumer<String, String> reader(String bootstrapServers) {
        return new KafkaConsumer<>(
                Map.of(
                        "bootstrap.servers",
                        bootstrapServers,
                        "client.id",
                        "penguin-load-reader",
                        "enable.auto.commit",
                        false,
                        "max.poll.records",
                        2_000),
                new StringDeserializer(),
                new StringDeserializer());
    }

    public static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of("bootstrap.servers", bootstrapServers, "client.id", "penguin-load-admin"));
    }

    /** Every partition of these topics (a topic the broker does not know yet contributes none). */
    public static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, List<String> topics) {
        return topics.stream()
                .flatMap(topic -> consumer.partitionsFor(topic, java.time.Duration.ofSeconds(30)).stream()
                        .map(info -> new TopicPartition(topic, info.partition())))
                .toList();
    }
}
