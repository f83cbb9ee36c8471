package io.penguin.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.penguin.embedded.TopicDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicasTest {

    private static final List<TopicDefinition> TOPICS = List.of(
            new TopicDefinition("penguin.generation.requests", 4, "delete", -1),
            new TopicDefinition("penguin.responses", 2, "delete", -1),
            new TopicDefinition("penguin.judgements", 6, "delete", -1),
            new TopicDefinition("penguin.agent.requests", 6, "delete", -1),
            new TopicDefinition("penguin.planning.requests", 6, "delete", -1));

    private static Replicas parse(String text) {
        return Replicas.parse(text, ServiceSpec.all(), TOPICS);
    }

    @Test
    void namedServicesGetTheirCountAndTheOthersRunOnce() {
        Replicas replicas = parse("generation-service=4, judge-service=2");

        assertThat(replicas.of(ServiceSpec.GENERATION)).isEqualTo(4);
        assertThat(replicas.of(ServiceSpec.JUDGE)).isEqualTo(2);
        assertThat(replicas.of(ServiceSpec.SCENARIO)).isEqualTo(1);
        assertThat(Replicas.ONE_EACH.of(ServiceSpec.GATEWAY)).isEqualTo(1);
    }

    @Test
    void anUnknownServiceIsNamedWithTheServicesThereAre() {
        assertThatThrownBy(() -> parse("generator-service=2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown service 'generator-service'")
                .hasMessageContaining("generation-service");
    }

    @Test
    void aCountBelowOneOrNotANumberIsRefused() {
        assertThatThrownBy(() -> parse("judge-service=0"))
                .hasMessage("judge-service: the count must be at least 1, was 0");
        assertThatThrownBy(() -> parse("judge-service=-2")).hasMessageContaining("at least 1, was -2");
        assertThatThrownBy(() -> parse("judge-service=two")).hasMessageContaining("'two' is not a whole number");
    }

    @Test
    void aCountAboveThePartitionsOfTheInputTopicIsRefused() {
        assertThat(parse("judge-service=2").of(ServiceSpec.JUDGE)).isEqualTo(2);
        assertThatThrownBy(() -> parse("judge-service=3"))
                .hasMessageContaining("judge-service=3 is more than the 2 partitions of penguin.responses");
    }

    @Test
    void aMalformedPairOrAServiceNamedTwiceIsRefused() {
        for (String malformed :
                List.of("generation-service", "generation-service=", "=2", "a=b=c", "", "judge-service=1,,")) {
            assertThatThrownBy(() -> parse(malformed))
                    .as(malformed)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not <service>=<count>");
        }
        assertThatThrownBy(() -> parse("judge-service=1,judge-service=2")).hasMessage("judge-service is named twice");
    }

    @Test
    void theShippedTopicDefinitionsLetEveryServiceRunTwice() {
        Replicas replicas = Replicas.parse(String.join(
                ",", ServiceSpec.all().stream().map(spec -> spec.name() + "=2").toList()));

        assertThat(ServiceSpec.all())
                .allSatisfy(spec -> assertThat(replicas.of(spec.name())).isEqualTo(2));
    }
}
