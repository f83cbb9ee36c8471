package io.penguin.cli.load.replay;

import io.penguin.cli.load.KafkaClients;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer lag per consumer group (= per service: {@code generation-service}, {@code judge-service},
 * {@code scenario-service}, ...) over the platform's topics, from the broker's committed and end offsets. A group is
 * watched from the first sample that finds it with members, and stays watched when it loses them (a crashed service's
 * lag still counts); groups that never had members while watched (one-off readers) are left out.
 */
public final class ConsumerLag implements AutoCloseable {

    private static final Set<GroupState> LIVE = Set.of(
            GroupState.STABLE,
            GroupState.PREPARING_REBALANCE,
            GroupState.COMPLETING_REBALANCE,
            GroupState.RECONCILING,
            GroupState.ASSIGNING);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final Admin admin;
    private final Set<String> watched = new TreeSet<>();

    public ConsumerLag(String bootstrapServers) {
        this.admin = KafkaClients.admin(bootstrapServers);
    }

    /** Records behind the end of the platform's topics, per watched group. */
    public Map<String, Long> sample() {
        try {
            for (GroupListing group : admin.listGroups(ListGroupsOptions.forConsumerGroups())
                    .all()
                    .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                if (group.groupState().map(LIVE::contains).orElse(false)) {
                    watched.add(group.groupId());
                }
            }
            Map<String, Long> lag = new TreeMap<>();
            if (watched.isEmpty()) {
                return lag;
            }
            Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
            watched.forEach(group -> specs.put(group, new ListConsumerGroupOffsetsSpec()));
            Map<String, Map<TopicPartition, OffsetAndMetadata>> committed =
                    admin.listConsumerGroupOffsets(specs).all().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
            committed
                    .values()
                    .forEach(offsets -> offsets.keySet().stream()
                            .filter(partition -> partition.topic().startsWith("penguin."))
                            .forEach(partition -> wanted.put(partition, OffsetSpec.latest())));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = wanted.isEmpty()
                    ? Map.of()
                    : admin.listOffsets(wanted).all().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            committed.forEach((group, offsets) -> {
                long behind = 0;
                boolean any = false;
                for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : offsets.entrySet()) {
                    ListOffsetsResult.ListOffsetsResultInfo end = ends.get(entry.getKey());
                    if (end != null && entry.getValue() != null) {
                        behind += Math.max(0, end.offset() - entry.getValue().offset());
                        any = true;
                    }
                }
                if (any) {
                    lag.put(group, behind);
                }
            });
            return lag;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("reading consumer lag failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading consumer lag", e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
