package io.penguin.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.penguin.core.Attribute;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventsTest {

    private final GenerationRequested request = GenerationRequested.of(
            new WorkItemId("run-1", "builtin-01", "context-rich", "reference"),
            "reference-judge",
            TestScenarios.student());

    @Test
    void roundTripsAWorkItemWithItsFullScenario() {
        GenerationRequested decoded = Events.decode(Events.encode(request), GenerationRequested.class);
        assertThat(decoded).isEqualTo(request);
        assertThat(decoded.scenario().profile().get(Attribute.EMOTIONAL_STATE)).isEqualTo("Hopeless");
    }

    @Test
    void keysEveryEventByScenarioId() {
        ResponseGenerated response = ResponseGenerated.of(
                request, List.of(Attribute.AGE), "an answer", new ModelUsage("reference", "reference", 1, 2, 3));
        assertThat(request.key()).isEqualTo("builtin-01");
        assertThat(response.key()).isEqualTo("builtin-01");
    }

    @Test
    void carriesTheCostOfACallOrNullWhenNoPriceIsConfigured() {
        ResponseGenerated priced = ResponseGenerated.of(
                request, List.of(), "an answer", new ModelUsage("gpt", "openai", 1, 2, 3, 0.00125));
        ResponseGenerated unpriced =
                ResponseGenerated.of(request, List.of(), "an answer", new ModelUsage("gpt", "openai", 1, 2, 3));
        assertThat(Events.decode(Events.encode(priced), ResponseGenerated.class)
                        .usage()
                        .cost())
                .isEqualTo(0.00125);
        assertThat(Events.encode(unpriced)).contains("\"cost\":null");
        assertThat(Events.decode(Events.encode(unpriced), ResponseGenerated.class)
                        .usage()
                        .cost())
                .isNull();
        assertThatThrownBy(() -> new ModelUsage("gpt", "openai", 1, 2, 3, -1.0)).hasMessageContaining("usage.cost");
    }

    @Test
    void aResponseCarriesItsPromptVersionAndWhatTheOtherRolesDidIncludingFallbacks() {
        ModelUsage agentCalls = new ModelUsage("gpt", "openai", 40, 300, 20, 0.002);
        ResponseGenerated response = ResponseGenerated.ofAgentSession(
                        request,
                        List.of(Attribute.AGE),
                        List.of(Attribute.AGE, Attribute.EMOTIONAL_STATE),
                        "an answer",
                        new ModelUsage("gpt", "openai", 1, 2, 3))
                .withProvenance(
                        "target-v2",
                        List.of(
                                new RoleCalls("agent", "gpt", false, 5, 2, agentCalls),
                                new RoleCalls("user-simulator", "reference-user", true, 2, 0, null)));

        ResponseGenerated decoded = Events.decode(Events.encode(response), ResponseGenerated.class);

        assertThat(decoded).isEqualTo(response);
        assertThat(decoded.promptVersion()).isEqualTo("target-v2");
        assertThat(decoded.fallbacks()).isEqualTo(2);
    }

    @Test
    void aResponseWrittenBeforeProvenanceWasRecordedReadsAsUnversionedWithNoOtherRoles() {
        String json = Events.encode(
                        ResponseGenerated.of(request, List.of(), "an answer", new ModelUsage("m", "p", 1, 2, 3)))
                .replace(",\"promptVersion\":\"unversioned\"", "")
                .replace(",\"roleCalls\":[]", "");
        assertThat(json).doesNotContain("promptVersion").doesNotContain("roleCalls");

        ResponseGenerated decoded = Events.decode(json, ResponseGenerated.class);

        assertThat(decoded.promptVersion()).isEqualTo(ResponseGenerated.UNVERSIONED);
        assertThat(decoded.roleCalls()).isEmpty();
        assertThat(decoded.fallbacks()).isZero();
    }

    @Test
    void roleCallsRefuseMoreFallbacksThanCalls() {
        assertThatThrownBy(() -> new RoleCalls("agent", "gpt", false, 1, 2, null))
                .hasMessageContaining("fallbacks");
    }

    @Test
    void aWorkItemWhoseProfileBreaksTheCatalogsRulesIsRejectedNamingTheFieldNeverTheValue() {
        String json = Events.encode(request)
                .replace(
                        "\"Age\":\"" + request.scenario().profile().get(Attribute.AGE) + "\"",
                        "\"Age\":\"thirty-ish\"");
        assertThat(json).contains("thirty-ish");

        assertThatThrownBy(() -> Events.decode(json, GenerationRequested.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("invalid GenerationRequested")
                .hasMessageContaining("Age: expected whole years")
                .hasMessageNotContaining("thirty-ish");
    }

    @Test
    void saysWhatIsWrongWithInvalidJson() {
        assertThatThrownBy(() -> Events.decode("{not json", GenerationRequested.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("malformed GenerationRequested")
                .hasMessageContaining("line 1");
    }

    @Test
    void saysWhichFieldIsMissing() {
        String json = Events.encode(request).replace("\"judgeModel\":\"reference-judge\",", "");
        assertThatThrownBy(() -> Events.decode(json, GenerationRequested.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("judgeModel");
    }

    @Test
    void rejectsAnEventOfAnotherType() {
        String json = Events.encode(request).replace("\"GenerationRequested\"", "\"ResponseGenerated\"");
        assertThatThrownBy(() -> Events.decode(json, GenerationRequested.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("type must be 'GenerationRequested'");
    }

    @Test
    void errorMessagesNeverEchoProfileValues() {
        String json = Events.encode(request).replace("\"Age\":\"19\"", "\"Age\":\"19\",\"Star Sign\":\"Hopeless-Leo\"");
        assertThatThrownBy(() -> Events.decode(json, GenerationRequested.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("Star Sign")
                .hasMessageNotContaining("Hopeless-Leo")
                .hasMessageNotContaining("Depression");
    }

    @Test
    void rejectsAnEmptyRecord() {
        assertThatThrownBy(() -> Events.decode("", ResponseGenerated.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("empty record");
    }
}
