package io.penguin.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node Kafka broker in KRaft mode (combined broker and controller), from the Kafka project's own test
 * kit on Maven Central. Topics from {@code infra/kafka/topics.conf} are applied at start.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final KafkaClusterTestKit cluster;
    private final Path directory;

    private EmbeddedKafka(KafkaClusterTestKit cluster, Path directory) {
        this.cluster = cluster;
        this.directory = directory;
    }

    public static EmbeddedKafka start() {
        try {
            // Our own directory, not the test kit's default: that one is deleted by a JVM shutdown hook of Kafka's,
            // which races the hook that stops the broker, and a broker whose log directory vanishes halts the JVM
            // with status 1. The cluster deletes this one itself on close, after the broker stopped.
            Path directory = Files.createTempDirectory("penguin-kafka-");
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                            .setBaseDirectory(directory)
                            .setCombined(true)
                            .setNumBrokerNodes(1)
                            .setNumControllerNodes(1)
                            .build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "6")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setDeleteOnClose(true)
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            EmbeddedKafka kafka = new EmbeddedKafka(cluster, directory);
            TopicDefinitions.apply(kafka.bootstrapServers(), TopicDefinitions.standard());
            return kafka;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded Kafka broker: " + e.getMessage(), e);
        }
    }

    /** Where the broker keeps its logs and metadata; removed by {@link #close()} once the broker stopped. */
    public Path directory() {
        return directory;
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the embedded Kafka broker", e);
        }
    }
}
