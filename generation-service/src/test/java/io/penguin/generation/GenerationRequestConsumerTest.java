package io.penguin.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.penguin.contracts.Events;
import io.penguin.contracts.GenerationRequested;
import io.penguin.contracts.ResponseGenerated;
import io.penguin.contracts.WorkItemId;
import io.penguin.core.Attribute;
import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Scenario;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(InMemoryChannels.class)
class GenerationRequestConsumerTest {

    @Inject
    @Any
    InMemoryConnector connector;

    private InMemorySource<String> requests;
    private InMemorySink<Record<String, String>> responses;

    @BeforeEach
    void clear() {
        requests = connector.source("generation-requests");
        responses = connector.sink("responses");
        responses.clear();
    }

    private static GenerationRequested request(String condition, String model) {
        Scenario scenario = BuiltinScenarios.all().get(0);
        return GenerationRequested.of(
                new WorkItemId("run-1", scenario.id(), condition, model), "reference-judge", scenario);
    }

    private ResponseGenerated awaitResponse() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !responses.received().isEmpty());
        Record<String, String> record = responses.received().get(0).getPayload();
        assertThat(record.key()).isEqualTo(BuiltinScenarios.all().get(0).id());
        return Events.decode(record.value(), ResponseGenerated.class);
    }

    @Test
    void contextFreeResponseIsWrittenWithoutAnyAttribute() {
        requests.send(Events.encode(request("context-free", "reference")));
        ResponseGenerated response = awaitResponse();
        assertThat(response.visibleAttributes()).isEmpty();
        assertThat(response.item().condition()).isEqualTo("context-free");
        assertThat(response.usage().provider()).isEqualTo("reference");
    }

    @Test
    void singleAttributeConditionShowsTheModelOnlyThatAttribute() {
        requests.send(Events.encode(request("single:Emotional State", "reference")));
        ResponseGenerated response = awaitResponse();
        assertThat(response.visibleAttributes()).containsExactly(Attribute.EMOTIONAL_STATE);
        assertThat(response.response()).containsIgnoringCase("hopeless").doesNotContainIgnoringCase("depression");
    }

    @Test
    void keepsServingAfterMalformedRecordAndUnknownModel() {
        requests.send("{this is not json");
        requests.send(Events.encode(request("context-rich", "no-such-model")));
        requests.send(Events.encode(request("context-rich", "reference")));
        ResponseGenerated response = awaitResponse();
        assertThat(response.item().model()).isEqualTo("reference");
        assertThat(responses.received()).hasSize(1);
    }
}
