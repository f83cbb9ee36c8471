package io.penguin.embedded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain Kafka clients for tests against the embedded broker: write records, and read a topic from the beginning with a
 * fresh consumer group until the records looked for are there.
 */
public final class TopicClient {

    private final String bootstrapServers;

    public TopicClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * The broker the running {@code @QuarkusTest} application uses ({@code kafka.bootstrap.servers}), so that test and
     * application always talk to the same broker whatever class loader loaded them.
     */
    public static TopicClient shared() {
        return new TopicClient(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("kafka.bootstrap.servers", String.class));
    }

    /** Writes records and returns once the broker acknowledged all of them. */
    public void send(String topic, String key, String... values) {
        send(topic, key, Map.of(), values);
    }

    /** Writes records, each with these headers, and returns once the broker acknowledged all of them. */
    public void send(String topic, String key, Map<String, String> headers, String... values) {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", bootstrapServers, "acks", "all", "linger.ms", 5),
                new StringSerializer(),
                new StringSerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (String value : values) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
                headers.forEach((name, header) ->
                        record.headers().add(name, header.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                sent.add(producer.send(record));
            }
            for (var future : sent) {
                future.get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not write to " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted writing to " + topic, e);
        }
    }

    /**
     * Reads the topic from the beginning until {@code expected} records match (then a short grace period, so that
     * unexpected extra matches are seen too) or until the timeout; returns the matches found.
     */
    public List<ConsumerRecord<String, String>> read(
            String topic, Predicate<ConsumerRecord<String, String>> keep, int expected, Duration timeout) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        "bootstrap.servers",
                        bootstrapServers,
                        "group.id",
                        "test-reader-" + UUID.randomUUID(),
                        "auto.offset.reset",
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            long graceEnd = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, graceEnd)) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (keep.test(record)) {
                        found.add(record);
                    }
                });
                if (found.size() >= expected && graceEnd == Long.MAX_VALUE) {
                    graceEnd = System.nanoTime() + Duration.ofMillis(500).toNanos();
                }
            }
        }
        return found;
    }
}
