package io.penguin.scenario.planning.service;

import io.penguin.contracts.PlanningRequested;
import io.penguin.contracts.PlanningSettings;
import io.penguin.core.Scenario;
import io.penguin.scenario.catalog.persistence.ScenarioEntity;
import io.penguin.scenario.catalog.persistence.ScenarioFilter;
import io.penguin.scenario.catalog.persistence.ScenarioRepository;
import io.penguin.scenario.catalog.service.ScenarioCatalog;
import io.penguin.scenario.catalog.service.ScenarioFilters;
import io.penguin.scenario.catalog.service.Selection;
import io.penguin.scenario.planning.config.PlanningConfig;
import io.penguin.scenario.planning.messaging.PlanningRequestPublisher;
import io.penguin.scenario.planning.rest.PlanningAccepted;
import io.penguin.scenario.planning.rest.PlanningRequest;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns "plan this selection" into one {@code PlanningRequested} per scenario, carrying the scenario, its split and
 * the settings. planner-service owns the plans, their progress and their idempotency; asking again makes a new job
 * whose plans replace the scenarios' policies.
 */
@ApplicationScoped
public class PlanningRequestService {

    private final ScenarioCatalog catalog;
    private final ScenarioRepository scenarios;
    private final PlanningRequestPublisher publisher;
    private final PlanningConfig config;

    public PlanningRequestService(
            ScenarioCatalog catalog,
            ScenarioRepository scenarios,
            PlanningRequestPublisher publisher,
            PlanningConfig config) {
        this.catalog = catalog;
        this.scenarios = scenarios;
        this.publisher = publisher;
        this.config = config;
    }

    public PlanningAccepted plan(PlanningRequest request) {
        PlanningRequest r = request == null
                ? new PlanningRequest(
                        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null)
                : request;
        PlanningSettings settings = new PlanningSettings(
                r.budget() == null ? config.budget() : r.budget(),
                r.rollouts() == null ? config.rollouts() : r.rollouts(),
                r.exploration() == null ? config.exploration() : r.exploration(),
                r.seed() == null ? config.seed() : r.seed(),
                r.exhaustive() == null ? config.exhaustive() : r.exhaustive(),
                blank(r.model()) ? config.targetModel() : r.model(),
                blank(r.judgeModel()) ? config.judgeModel() : r.judgeModel());
        String split = blank(r.split()) ? config.defaultSplit() : r.split();
        ScenarioFilter filter = ScenarioFilters.parse(
                ScenarioFilters.RUN_REQUEST,
                r.domains(),
                null,
                r.issues(),
                split.equalsIgnoreCase("any") ? null : split,
                r.source());
        List<Scenario> selected = catalog.select(new Selection(
                r.scenarioIds(), filter, r.sample(), r.sampleSeed() == null ? 0L : r.sampleSeed(), r.limit()));
        Map<String, String> splits = QuarkusTransaction.requiringNew()
                .call(() -> scenarios.byIds(selected.stream().map(Scenario::id).toList()).stream()
                        .collect(Collectors.toMap(entity -> entity.id, PlanningRequestService::splitLabel)));
        String planningId = "planning-" + UUID.randomUUID();
        List<PlanningRequested> requests = selected.stream()
                .map(scenario -> PlanningRequested.of(
                        planningId, selected.size(), splits.get(scenario.id()), settings, scenario))
                .toList();
        publisher.publishAll(requests, config.publishTimeout());
        Log.infof("planning %s: %d scenarios sent to the planner", planningId, requests.size());
        return new PlanningAccepted(planningId, requests.size(), settings);
    }

    private static String splitLabel(ScenarioEntity entity) {
        return entity.split.id();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
