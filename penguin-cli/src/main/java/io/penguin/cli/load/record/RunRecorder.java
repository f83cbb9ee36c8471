package io.penguin.cli.load.record;

import io.penguin.cli.load.KafkaClients;
import io.penguin.cli.load.RecordedItem;
import io.penguin.contracts.Events;
import io.penguin.contracts.GenerationRequested;
import io.penguin.contracts.MalformedEventException;
import io.penguin.contracts.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the work items a run published from {@link Topics#GENERATION_REQUESTS} (from the beginning up to the end
 * offsets seen at the start) and turns them into a recording with the pace they were published at, from the records'
 * timestamps. A work item published more than once (a redrive, a resume) is recorded once, at its first publication.
 */
public final class RunRecorder {

    private final String bootstrapServers;
    private final Duration timeout;

    public RunRecorder(String bootstrapServers, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
    }

    /** The run's work items, ordered by publication, offsets relative to the first; empty when the topic has none. */
    public List<RecordedItem> record(String runId) {
        String marker = "\"runId\":\"" + runId + "\"";
        List<Published> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = KafkaClients.reader(bootstrapServers)) {
            List<TopicPartition> partitions = KafkaClients.partitions(consumer, List.of(Topics.GENERATION_REQUESTS));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!caughtUp(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + Topics.GENERATION_REQUESTS + " took longer than "
                            + timeout + "; " + found.size() + " work items of " + runId + " found so far");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() == null || !record.value().contains(marker)) {
                        continue;
                    }
                    GenerationRequested item;
                    try {
                        item = Events.decode(record.value(), GenerationRequested.class);
                    } catch (MalformedEventException e) {
                        continue; // a poison record that happens to name the run: not a work item
                    }
                    if (item.item().runId().equals(runId)
                            && seen.add(item.item().toString())) {
                        found.add(new Published(record.timestamp(), item));
                    }
                }
            }
        }
        found.sort(Comparator.comparingLong(Published::timestamp));
        List<RecordedItem> items = new ArrayList<>(found.size());
        long first = found.isEmpty() ? 0 : found.get(0).timestamp();
        for (Published published : found) {
            GenerationRequested item = published.item();
            items.add(new RecordedItem(
                    Math.max(0, published.timestamp() - first),
                    item.scenario(),
                    item.item().condition(),
                    item.item().model(),
                    item.judgeModel(),
                    item.panelJudges()));
        }
        return items;
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey()) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }

    private record Published(long timestamp, GenerationRequested item) {}
}
