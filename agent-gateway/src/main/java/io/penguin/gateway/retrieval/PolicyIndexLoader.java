package io.penguin.gateway.retrieval;

import io.micrometer.core.instrument.MeterRegistry;
import io.penguin.agent.retrieval.PolicyIndex;
import io.penguin.contracts.Events;
import io.penguin.contracts.PolicyPublished;
import io.penguin.contracts.Topics;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the retrieval index equal to the compacted {@code penguin.policies}: reads every partition from the
 * beginning at start-up (no consumer group, every replica holds the whole index) and then follows the topic. The
 * gateway is ready once the index has caught up with the end offsets seen at start-up. A record that cannot be read is
 * counted and skipped (the topic has no DLQ: it is the planner's output, and the next plan of the scenario replaces
 * it).
 */
@ApplicationScoped
public class PolicyIndexLoader {

    private final PolicyIndex index;
    private final MeterRegistry meters;
    private final String bootstrapServers;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    public PolicyIndexLoader(
            PolicyIndex index,
            MeterRegistry meters,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.index = index;
        this.meters = meters;
        this.bootstrapServers = bootstrapServers;
        meters.gauge("penguin.agent.policies", index, PolicyIndex::size);
    }

    void start(@Observes StartupEvent started) {
        thread = new Thread(this::follow, "policy-index-loader");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        running.set(false);
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(5_000);
        }
    }

    /** True once the index holds every plan that was on the topic when the gateway started. */
    public boolean caughtUp() {
        return caughtUp.getCount() == 0;
    }

    /** Waits until the index has caught up; false when the wait ran out. */
    public boolean awaitCaughtUp(Duration wait) throws InterruptedException {
        return caughtUp.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void follow() {
        while (running.get()) {
            try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(properties())) {
                consumer = kafka;
                List<TopicPartition> partitions = kafka.partitionsFor(Topics.POLICIES, Duration.ofSeconds(30)).stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition()))
                        .toList();
                kafka.assign(partitions);
                kafka.seekToBeginning(partitions);
                Map<TopicPartition, Long> startupEnd = new HashMap<>(kafka.endOffsets(partitions));
                long started = System.nanoTime();
                checkCaughtUp(kafka, startupEnd, started);
                while (running.get()) {
                    for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(500))) {
                        apply(record);
                    }
                    checkCaughtUp(kafka, startupEnd, started);
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException | LinkageError e) {
                // A LinkageError is the embedder's native library failing to load: without this catch it ended the
                // loader's thread in silence and the index stopped following the topic; now it is retried, logged
                // every time, and the gateway stays not ready until the index has caught up.
                if (!running.get()) {
                    return;
                }
                Log.warnf("policy index: reading %s failed (%s); retrying in 2 s", Topics.POLICIES, e.toString());
                try {
                    Thread.sleep(2_000); // back off before reconnecting; not a test wait
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void checkCaughtUp(
            KafkaConsumer<String, String> kafka, Map<TopicPartition, Long> startupEnd, long started) {
        if (caughtUp()) {
            return;
        }
        startupEnd.entrySet().removeIf(end -> kafka.position(end.getKey()) >= end.getValue());
        if (startupEnd.isEmpty()) {
            caughtUp.countDown();
            Log.infof(
                    "policy index caught up with %s: %d plans in %d ms",
                    Topics.POLICIES, index.size(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    private void apply(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            if (record.key() != null) {
                index.remove(record.key());
            }
            return;
        }
        try {
            index.put(Events.decode(record.value(), PolicyPublished.class));
        } catch (RuntimeException e) {
            meters.counter("penguin.agent.policies.rejected").increment();
            Log.warnf(
                    "policy index: skipped %s-%d@%d: %s",
                    record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "agent-gateway-policy-index");
        return properties;
    }
}
