package io.penguin.cli.load.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.penguin.cli.load.RecordedItem;
import io.penguin.contracts.Events;
import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Scenario;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogRecorderTest {

    /** Export lines as {@code GET /catalog/exports?format=jsonl} writes them: a scenario plus split and source. */
    private static BufferedReader export(List<Scenario> scenarios) {
        String lines = scenarios.stream()
                .map(scenario -> {
                    ObjectNode node = Events.mapper().valueToTree(scenario);
                    node.put("split", "test").put("source", "builtin");
                    return node.toString();
                })
                .collect(Collectors.joining("\n"));
        return new BufferedReader(new StringReader(lines));
    }

    @Test
    void recordsOneItemPerScenarioConditionAndModelAtTheChosenPace() throws Exception {
        List<Scenario> scenarios = BuiltinScenarios.all().subList(0, 3);
        CatalogRecorder recorder = new CatalogRecorder(
                List.of("context-free", "single:*"),
                List.of("reference", "reference-brief"),
                "reference-judge",
                20,
                7,
                100);

        List<RecordedItem> items = recorder.record(export(scenarios));

        assertThat(items).hasSize(3 * 11 * 2);
        assertThat(items.get(0).scenario()).isEqualTo(scenarios.get(0));
        assertThat(items).extracting(RecordedItem::condition).contains("context-free", "single:Age");
        assertThat(items.get(20).offsetMillis()).isEqualTo(1_000);
        assertThat(items).allSatisfy(item -> assertThat(item.judgeModel()).isEqualTo("reference-judge"));
    }

    @Test
    void stopsAtTheScenarioLimit() throws Exception {
        CatalogRecorder recorder =
                new CatalogRecorder(List.of("context-rich"), List.of("reference"), "reference-judge", 10, 0, 5);

        assertThat(recorder.record(export(BuiltinScenarios.all()))).hasSize(5);
    }

    @Test
    void agentConditionsAreRefusedBecauseTheyAreNotGenerationWorkItems() {
        assertThatThrownBy(
                        () -> new CatalogRecorder(List.of("agent"), List.of("reference"), "reference-judge", 10, 0, 5))
                .hasMessageContaining("agent sessions");
    }
}
