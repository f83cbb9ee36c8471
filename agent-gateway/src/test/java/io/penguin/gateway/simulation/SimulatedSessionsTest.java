package io.penguin.gateway.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.penguin.contracts.Events;
import io.penguin.contracts.GenerationRequested;
import io.penguin.contracts.ResponseGenerated;
import io.penguin.contracts.RoleCalls;
import io.penguin.contracts.Topics;
import io.penguin.contracts.WorkItemId;
import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Scenario;
import io.penguin.embedded.EmbeddedInfrastructureResource;
import io.penguin.embedded.Liveness;
import io.penguin.embedded.TopicClient;
import io.penguin.models.reference.ProfileUserSimulator;
import io.penguin.models.reference.ReferenceAgentModel;
import io.penguin.models.reference.ReferenceResponder;
import io.penguin.service.messaging.DeadLetters;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedInfrastructureResource.class)
class SimulatedSessionsTest {

    private final TopicClient topics = TopicClient.shared();
    private final String runId = "sim-test-" + UUID.randomUUID();

    private GenerationRequested request(Scenario scenario, String condition, String model) {
        return GenerationRequested.of(
                new WorkItemId(runId, scenario.id(), condition, model), "reference-judge", scenario);
    }

    @Test
    void agentAndPlannerItemsAreAnsweredAfterASimulatedDialogueWithTheQuestionsAsked() {
        List<Scenario> scenarios = BuiltinScenarios.all().subList(0, 4);
        for (Scenario scenario : scenarios) {
            topics.send(
                    Topics.AGENT_REQUESTS,
                    scenario.id(),
                    Events.encode(request(scenario, "agent", "reference")),
                    Events.encode(request(scenario, "planner", "reference")));
        }

        List<ResponseGenerated> responses =
                topics.read(Topics.RESPONSES, r -> r.value().contains(runId), 8, Liveness.PATIENCE).stream()
                        .map(r -> Events.decode(r.value(), ResponseGenerated.class))
                        .toList();

        assertThat(responses).hasSize(8);
        assertThat(responses).extracting(r -> r.item().condition()).containsOnly("agent", "planner");
        assertThat(responses).allSatisfy(response -> {
            assertThat(response.questionsAsked())
                    .isNotNull()
                    .hasSizeBetween(1, 4)
                    .doesNotHaveDuplicates();
            assertThat(response.questionsAsked()).containsAll(response.visibleAttributes());
            assertThat(response.response()).isNotBlank();
            assertThat(response.usage().model()).isEqualTo("reference");
            assertThat(response.promptVersion()).isEqualTo(ReferenceResponder.PROMPT_VERSION);
            assertThat(response.roleCalls())
                    .extracting(RoleCalls::role, RoleCalls::model, RoleCalls::reference)
                    .contains(
                            tuple("agent", ReferenceAgentModel.NAME, true),
                            tuple("user-simulator", ProfileUserSimulator.NAME, true));
            assertThat(response.fallbacks())
                    .as("rule-based roles have nothing to fall back from")
                    .isZero();
        });
    }

    @Test
    void poisonRecordsAndUnknownModelsGoToTheDeadLetterTopicWithTheirReason() {
        Scenario scenario = BuiltinScenarios.all().get(5);
        String malformed = "{not an agent request " + runId;
        String unknownModel = Events.encode(request(scenario, "agent", "no-such-model"));
        String unknownMode = Events.encode(request(scenario, "context-free", "reference"));
        topics.send(Topics.AGENT_REQUESTS, scenario.id(), malformed, unknownModel, unknownMode);

        List<ConsumerRecord<String, String>> deadLetters =
                topics.read(Topics.dlq(Topics.AGENT_REQUESTS), r -> r.value().contains(runId), 3, Liveness.PATIENCE);

        assertThat(deadLetters).hasSize(3);
        assertThat(deadLetters)
                .extracting(r -> header(r, DeadLetters.REASON))
                .anySatisfy(reason -> assertThat(reason).contains("malformed GenerationRequested"));
        assertThat(deadLetters)
                .extracting(r -> header(r, DeadLetters.REASON))
                .anySatisfy(reason -> assertThat(reason).contains("agent failed", "no-such-model"));
        assertThat(deadLetters)
                .extracting(r -> header(r, DeadLetters.REASON))
                .anySatisfy(reason -> assertThat(reason).contains("unknown agent mode 'context-free'"));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
