package io.penguin.embedded;

import java.util.Map;

/**
 * One topic of {@code infra/kafka/topics.conf}.
 *
 * @param name the topic name
 * @param partitions how many partitions
 * @param cleanupPolicy {@code delete} or {@code compact}
 * @param retentionMs retention in milliseconds, -1 for forever
 */
public record TopicDefinition(String name, int partitions, String cleanupPolicy, long retentionMs) {

    public Map<String, String> configs() {
        return Map.of("cleanup.policy", cleanupPolicy, "retention.ms", Long.toString(retentionMs));
    }
}
