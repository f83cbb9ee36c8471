package io.penguin.generation;

import static org.assertj.core.api.Assertions.assertThat;

import io.penguin.contracts.Events;
import io.penguin.contracts.GenerationRequested;
import io.penguin.contracts.ResponseGenerated;
import io.penguin.contracts.Topics;
import io.penguin.contracts.WorkItemId;
import io.penguin.core.Attribute;
import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Scenario;
import io.penguin.embedded.Liveness;
import io.penguin.embedded.TopicClient;
import io.penguin.service.messaging.DeadLetters;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(EmbeddedKafka.class)
class GenerationRequestConsumerTest {

    private final TopicClient topics = TopicClient.shared();
    private final String runId = "gen-test-" + UUID.randomUUID();
    private final Scenario scenario = BuiltinScenarios.all().get(0);

    private GenerationRequested request(String condition, String model) {
        return GenerationRequested.of(
                new WorkItemId(runId, scenario.id(), condition, model), "reference-judge", scenario);
    }

    private List<ResponseGenerated> responses(int expected) {
        return topics
                .read(Topics.RESPONSES, record -> record.value().contains(runId), expected, Liveness.PATIENCE)
                .stream()
                .map(record -> {
                    assertThat(record.key()).isEqualTo(scenario.id());
                    return Events.decode(record.value(), ResponseGenerated.class);
                })
                .toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void contextFreeResponseIsWrittenWithoutAnyAttribute() {
        topics.send(Topics.GENERATION_REQUESTS, scenario.id(), Events.encode(request("context-free", "reference")));
        ResponseGenerated response = responses(1).get(0);
        assertThat(response.visibleAttributes()).isEmpty();
        assertThat(response.item().condition()).isEqualTo("context-free");
        assertThat(response.usage().provider()).isEqualTo("reference");
    }

    @Test
    void singleAttributeConditionShowsTheModelOnlyThatAttribute() {
        topics.send(
                Topics.GENERATION_REQUESTS,
                scenario.id(),
                Events.encode(request("single:Emotional State", "reference")));
        ResponseGenerated response = responses(1).get(0);
        assertThat(response.visibleAttributes()).containsExactly(Attribute.EMOTIONAL_STATE);
        assertThat(response.response()).containsIgnoringCase("hopeless").doesNotContainIgnoringCase("depression");
    }

    @Test
    void drawnSubsetConditionShowsExactlyItsThreeAttributes() {
        topics.send(
                Topics.GENERATION_REQUESTS,
                scenario.id(),
                Events.encode(request("best-3:Age+Profession+Emotional State", "reference")));
        assertThat(responses(1).get(0).visibleAttributes())
                .containsExactly(Attribute.AGE, Attribute.PROFESSION, Attribute.EMOTIONAL_STATE);
    }

    @Test
    void poisonRecordsOfABatchGoToTheDeadLetterTopicWithTheirReasonAndTheRestIsAnswered() {
        String malformed = "{this is not json " + runId;
        String unknownModel = Events.encode(request("context-rich", "no-such-model"));
        topics.send(
                Topics.GENERATION_REQUESTS,
                scenario.id(),
                malformed,
                unknownModel,
                Events.encode(request("context-rich", "reference")),
                Events.encode(request("context-free", "reference")));

        assertThat(responses(2)).extracting(response -> response.item().model()).containsOnly("reference");
        List<ConsumerRecord<String, String>> deadLetters = topics.read(
                Topics.dlq(Topics.GENERATION_REQUESTS), record -> record.value().contains(runId), 2, Liveness.PATIENCE);
        assertThat(deadLetters).hasSize(2);
        assertThat(deadLetters)
                .filteredOn(record -> record.value().equals(malformed))
                .singleElement()
                .satisfies(record -> {
                    assertThat(header(record, DeadLetters.REASON)).contains("malformed GenerationRequested");
                    assertThat(header(record, DeadLetters.TOPIC)).isEqualTo(Topics.GENERATION_REQUESTS);
                    assertThat(record.key()).isEqualTo(scenario.id());
                });
        assertThat(deadLetters)
                .filteredOn(record -> record.value().equals(unknownModel))
                .singleElement()
                .satisfies(record ->
                        assertThat(header(record, DeadLetters.REASON)).contains("generation failed", "no-such-model"));
    }

    @Test
    void aWorkItemWhoseProfileTheCatalogWouldRejectIsDeadLetteredNamingTheFieldAndNotAnswered() {
        String age = scenario.profile().get(io.penguin.core.Attribute.AGE);
        String invalid = Events.encode(request("context-rich", "reference"))
                .replace("\"Age\":\"" + age + "\"", "\"Age\":\"not an age\"");
        assertThat(invalid).contains("not an age");
        topics.send(Topics.GENERATION_REQUESTS, scenario.id(), invalid);
        // A sentinel on the same key, so the same partition: once it is answered, the invalid item was handled.
        topics.send(Topics.GENERATION_REQUESTS, scenario.id(), Events.encode(request("context-free", "reference")));

        assertThat(responses(1))
                .extracting(response -> response.item().condition())
                .containsExactly("context-free");
        assertThat(topics.read(
                        Topics.dlq(Topics.GENERATION_REQUESTS),
                        record -> record.value().equals(invalid),
                        1,
                        Liveness.PATIENCE))
                .singleElement()
                .satisfies(record -> assertThat(header(record, DeadLetters.REASON))
                        .contains("Age: expected whole years")
                        .doesNotContain("not an age"));
    }
}
