package io.penguin.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.penguin.contracts.Topics;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicDefinitionsTest {

    @Test
    void definesEveryContractTopicAndItsDeadLetterTopic() {
        List<String> names =
                TopicDefinitions.standard().stream().map(TopicDefinition::name).toList();
        for (String topic : Topics.all()) {
            assertThat(names).contains(topic);
            if (Topics.hasDeadLetterTopic(topic)) {
                assertThat(names).contains(Topics.dlq(topic));
            }
        }
    }

    @Test
    void policiesAreCompactedAndKeptForever() {
        TopicDefinition policies = TopicDefinitions.standard().stream()
                .filter(topic -> topic.name().equals(Topics.POLICIES))
                .findFirst()
                .orElseThrow();
        assertThat(policies.cleanupPolicy()).isEqualTo("compact");
        assertThat(policies.retentionMs()).isEqualTo(-1);
    }

    @Test
    void aBadLineIsRejectedWithItsNumber() {
        assertThatThrownBy(() -> TopicDefinitions.parse("# ok\nt 3 shred 100\n", "test.conf"))
                .hasMessageContaining("test.conf line 2")
                .hasMessageContaining("cleanup.policy");
    }
}
