package io.penguin.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.penguin.core.Scenario;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A work item: answer this scenario's query under this condition with this model. On
 * {@link Topics#GENERATION_REQUESTS} for the fixed and subset conditions (generation-service), on
 * {@link Topics#AGENT_REQUESTS} for {@code agent} and {@code planner} (agent-gateway runs a simulated session; the
 * profile is the hidden user's). Carries the whole scenario so that no consumer needs a lookup.
 *
 * @param item the work item's identity
 * @param judgeModel the judge the run asked for
 * @param panelJudges further judges that score the same response, for inter-judge agreement (usually empty)
 * @param scenario the scenario, with its full profile (the generator shows the model only the condition's part)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GenerationRequested(
        UUID eventId,
        String type,
        int schemaVersion,
        Instant occurredAt,
        WorkItemId item,
        String judgeModel,
        List<String> panelJudges,
        Scenario scenario)
        implements PenguinEvent {

    public static final String TYPE = "GenerationRequested";
    public static final int SCHEMA_VERSION = 1;

    public GenerationRequested {
        Events.requireEnvelope(eventId, type, TYPE, occurredAt);
        Events.requireNonNull(item, "item");
        Events.requireText(judgeModel, "judgeModel");
        panelJudges = panelJudges == null ? List.of() : List.copyOf(panelJudges);
        Events.requireNonNull(scenario, "scenario");
        Events.requireSame(item.scenarioId(), scenario.id(), "item.scenarioId", "scenario.id");
        Events.requireCatalogProfile(scenario);
    }

    public static GenerationRequested of(WorkItemId item, String judgeModel, Scenario scenario) {
        return of(item, judgeModel, List.of(), scenario);
    }

    public static GenerationRequested of(
            WorkItemId item, String judgeModel, List<String> panelJudges, Scenario scenario) {
        return new GenerationRequested(
                UUID.randomUUID(), TYPE, SCHEMA_VERSION, Instant.now(), item, judgeModel, panelJudges, scenario);
    }

    @Override
    public String key() {
        return item.scenarioId();
    }
}
