package io.penguin.cli.load.replay;

import io.penguin.cli.load.KafkaClients;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer lag per consumer group (= per service: {@code generation-service}, {@code judge-service},
 * {@code scenario-service}, ...) over the platform's topics, from the broker's committed and end offsets. A group is
 * watched from the first sample that finds it with members, and stays watched when it loses them (a crashed service's
 * lag still counts); groups that never had members while watched (one-off readers) are left out. It is read from
 * committed offsets, which the services commit periodically after processing (the SmallRye connector's throttled
 * strategy, every 5 s by default), so it overstates what is still unprocessed by up to about 5 s of traffic.
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
    private final Map<String, Set<TopicPartition>> assigned = new HashMap<>();

    public ConsumerLag(String bootstrapServers) {
        this.admin = KafkaClients.admin(bootstrapServers);
    }

    /**
     * Records behind the end of the platform's topics, per watched group: over the partitions assigned to its members
     * (remembered when it has none) and those it committed offsets for; a partition without a committed offset counts
     * from the start of the log, where the group would begin reading.
     */
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
            for (ConsumerGroupDescription group : admin.describeConsumerGroups(watched)
                    .all()
                    .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .values()) {
                Set<TopicPartition> partitions = new HashSet<>();
                group.members()
                        .forEach(member -> partitions.addAll(member.assignment().topicPartitions()));
                if (!partitions.isEmpty()) {
                    assigned.put(group.groupId(), platformPartitions(partitions));
                }
            }
            Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
            watched.forEach(group -> specs.put(group, new ListConsumerGroupOffsetsSpec()));
            Map<String, Map<TopicPartition, OffsetAndMetadata>> committed =
                    admin.listConsumerGroupOffsets(specs).all().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<String, Set<TopicPartition>> partitionsOf = new TreeMap<>();
            for (String group : watched) {
                Set<TopicPartition> partitions = new HashSet<>(assigned.getOrDefault(group, Set.of()));
                partitions.addAll(platformPartitions(
                        committed.getOrDefault(group, Map.of()).keySet()));
                if (!partitions.isEmpty()) {
                    partitionsOf.put(group, partitions);
                }
            }
            Set<TopicPartition> all = new HashSet<>();
            partitionsOf.values().forEach(all::addAll);
            Map<TopicPartition, Long> ends = offsets(all, OffsetSpec.latest());
            Map<TopicPartition, Long> starts = offsets(all, OffsetSpec.earliest());
            partitionsOf.forEach((group, partitions) -> {
                Map<TopicPartition, OffsetAndMetadata> offsets = committed.getOrDefault(group, Map.of());
                long behind = 0;
                for (TopicPartition partition : partitions) {
                    OffsetAndMetadata at = offsets.get(partition);
                    long position = at != null ? at.offset() : starts.getOrDefault(partition, 0L);
                    behind += Math.max(0, ends.getOrDefault(partition, position) - position);
                }
                lag.put(group, behind);
            });
            return lag;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("reading consumer lag failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading consumer lag", e);
        }
    }

    private Map<TopicPartition, Long> offsets(Set<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, TimeoutException, InterruptedException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
        partitions.forEach(partition -> wanted.put(partition, spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(wanted)
                .all()
                .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private static Set<TopicPartition> platformPartitions(Set<TopicPartition> partitions) {
        Set<TopicPartition> kept = new HashSet<>();
        partitions.stream()
                .filter(partition -> partition.topic().startsWith("penguin."))
                .forEach(kept::add);
        return kept;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
