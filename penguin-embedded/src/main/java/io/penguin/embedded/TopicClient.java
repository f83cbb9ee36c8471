package io.penguin.embedded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
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
     * Reads the topic from the beginning until {@code expected} records match, then on to the end offsets the topic
     * had at that moment, so that every record written before the last expected one is seen (an unexpected extra
     * match among them included) without a timed grace period. With {@code expected} 0 it reads what the topic holds
     * now. The timeout only guards liveness: when it passes, the matches found so far are returned for the caller's
     * assertion to judge, so size it generously ({@link Liveness#PATIENCE}).
     */
    public List<ConsumerRecord<String, String>> read(
            String topic, Predicate<ConsumerRecord<String, String>> keep, int expected, Duration timeout) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of("bootstrap.servers", bootstrapServers, "enable.auto.commit", "false"),
                new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = partitions(consumer, topic, deadline);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = null;
            while (System.nanoTime() < deadline) {
                if (end == null && found.size() >= expected) {
                    end = consumer.endOffsets(partitions);
                }
                if (end != null && reached(consumer, end)) {
                    break;
                }
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (keep.test(record)) {
                        found.add(record);
                    }
                });
            }
        }
        return found;
    }

    /** Every record the topic holds now that matches. */
    public List<ConsumerRecord<String, String>> readAll(String topic, Predicate<ConsumerRecord<String, String>> keep) {
        return read(topic, keep, 0, Liveness.PATIENCE);
    }

    private static List<TopicPartition> partitions(
            KafkaConsumer<String, String> consumer, String topic, long deadline) {
        while (true) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (!infos.isEmpty()) {
                return infos.stream()
                        .map(info -> new TopicPartition(topic, info.partition()))
                        .toList();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topic " + topic + " has no partitions");
            }
        }
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
    }
}
