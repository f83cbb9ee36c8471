package io.penguin.cli.load.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.penguin.cli.load.RecordedItem;
import io.penguin.contracts.Events;
import io.penguin.core.Condition;
import io.penguin.core.ConditionSpec;
import io.penguin.core.Scenario;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a catalog export (JSON lines, as {@code GET /catalog/exports?format=jsonl} streams it) into a recording: one
 * work item per scenario x condition x model, as a run would plan them, spaced evenly at a synthetic rate.
 */
public final class CatalogRecorder {

    private static final ObjectMapper JSON = Events.mapper();

    private final List<ConditionSpec> conditions;
    private final List<String> models;
    private final String judgeModel;
    private final double perSecond;
    private final long seed;
    private final int limit;

    /**
     * @param conditions the conditions as a run names them ({@code single:*} and {@code random-3} expand per scenario)
     * @param models target models
     * @param judgeModel the judge of every item
     * @param perSecond the recorded pace, work items per second
     * @param seed the seed of {@code random-3} draws
     * @param limit at most this many scenarios
     */
    public CatalogRecorder(
            List<String> conditions, List<String> models, String judgeModel, double perSecond, long seed, int limit) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("rate must be above 0, was " + perSecond);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        this.conditions = conditions.stream().map(ConditionSpec::parse).toList();
        for (ConditionSpec condition : this.conditions) {
            if (condition.agentic()) {
                throw new IllegalArgumentException("condition '" + condition.id()
                        + "' is answered by agent sessions, not by work items on the generation topic");
            }
        }
        this.models = List.copyOf(models);
        this.judgeModel = judgeModel;
        this.perSecond = perSecond;
        this.seed = seed;
        this.limit = limit;
    }

    /** Reads export lines until the end or the scenario limit. */
    public List<RecordedItem> record(BufferedReader export) throws IOException {
        List<RecordedItem> items = new ArrayList<>();
        String line;
        long scenarios = 0;
        while (scenarios < limit && (line = export.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            scenarios++;
            Scenario scenario = scenario(line, scenarios);
            for (ConditionSpec spec : conditions) {
                for (Condition condition : spec.expand(scenario.id(), seed)) {
                    for (String model : models) {
                        long offset = Math.round(items.size() * 1000.0 / perSecond);
                        items.add(new RecordedItem(offset, scenario, condition.id(), model, judgeModel, List.of()));
                    }
                }
            }
        }
        return items;
    }

    private static Scenario scenario(String line, long number) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(line);
            node.remove("split");
            node.remove("source");
            return JSON.treeToValue(node, Scenario.class);
        } catch (IOException | ClassCastException e) {
            throw new IllegalArgumentException(
                    "export line " + number + " is not a scenario ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
    }
}
