package io.penguin.scenario.planning.service;

import io.penguin.contracts.PlanningSettings;
import io.penguin.core.Scenario;
import io.penguin.models.ModelRegistry;
import io.penguin.scenario.catalog.persistence.ScenarioEntity;
import io.penguin.scenario.catalog.persistence.ScenarioFilter;
import io.penguin.scenario.catalog.persistence.ScenarioRepository;
import io.penguin.scenario.catalog.service.ScenarioCatalog;
import io.penguin.scenario.catalog.service.ScenarioFilters;
import io.penguin.scenario.catalog.service.Selection;
import io.penguin.scenario.planning.config.PlanningConfig;
import io.penguin.scenario.planning.persistence.PlanningJobStatus;
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
 * Turns "plan this selection" into a stored planning job and one {@code PlanningRequested} per scenario, carrying the
 * scenario, its split and the settings ({@link PlanningJobs} stores, publishes, recovers and re-drives). planner-service
 * owns the plans, their progress and their idempotency; asking again makes a new job whose plans replace the
 * scenarios' policies.
 */
@ApplicationScoped
public class PlanningRequestService {

    private final ScenarioCatalog catalog;
    private final ScenarioRepository scenarios;
    private final PlanningJobs jobs;
    private final PlanningConfig config;
    private final ModelRegistry models;

    public PlanningRequestService(
            ScenarioCatalog catalog,
            ScenarioRepository scenarios,
            PlanningJobs jobs,
            PlanningConfig config,
            ModelRegistry models) {
        this.catalog = catalog;
        this.scenarios = scenarios;
        this.jobs = jobs;
        this.config = config;
        this.models = models;
    }

    /** Validates the request (each problem names its field and bound), then stores the job and publishes its requests. */
    public PlanningAccepted plan(PlanningRequest request) {
        PlanningRequest r = requireSelection(request);
        requireEntries("scenarioIds", r.scenarioIds());
        requireEntries("domains", r.domains());
        requireEntries("issues", r.issues());
        PlanningSettings settings = new PlanningSettings(
                bounded("budget", r.budget(), config.budget(), 1, PlanningLimits.MAX_BUDGET),
                bounded("rollouts", r.rollouts(), config.rollouts(), 1, PlanningLimits.MAX_ROLLOUTS),
                exploration(r.exploration()),
                r.seed() == null ? config.seed() : r.seed(),
                r.exhaustive() == null ? config.exhaustive() : r.exhaustive(),
                target(blank(r.model()) ? config.targetModel() : r.model().trim()),
                judge(
                        blank(r.judgeModel())
                                ? config.judgeModel()
                                : r.judgeModel().trim()));
        if (r.sample() != null) {
            bounded("sample", r.sample(), 0, 1, PlanningLimits.MAX_SCENARIOS);
        }
        if (r.limit() != null) {
            bounded("limit", r.limit(), 0, 1, PlanningLimits.MAX_SCENARIOS);
        }
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
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("the selection matches no scenario; widen domains, issues, split or"
                    + " source, or list scenarioIds");
        }
        if (selected.size() > PlanningLimits.MAX_SCENARIOS) {
            throw new IllegalArgumentException("the selection matches " + selected.size() + " scenarios, more than the "
                    + PlanningLimits.MAX_SCENARIOS + " one planning may plan; narrow it with limit, sample, domains or"
                    + " issues");
        }
        Map<String, String> splits = QuarkusTransaction.requiringNew()
                .call(() -> scenarios.byIds(selected.stream().map(Scenario::id).toList()).stream()
                        .collect(Collectors.toMap(entity -> entity.id, PlanningRequestService::splitLabel)));
        String planningId = "planning-" + UUID.randomUUID();
        PlanningJobStatus status = jobs.start(planningId, settings, selected, splits);
        Log.infof("planning %s: %d scenarios stored and sent to the planner, %s", planningId, selected.size(), status);
        return new PlanningAccepted(planningId, selected.size(), status, settings);
    }

    /**
     * An empty or null body, or one with settings only, used to plan the whole train split: thousands of model-backed
     * searches started by accident. The caller must say what to plan.
     */
    private static PlanningRequest requireSelection(PlanningRequest request) {
        boolean selects = request != null
                && (present(request.scenarioIds())
                        || present(request.domains())
                        || present(request.issues())
                        || !blank(request.split())
                        || !blank(request.source()));
        if (!selects) {
            throw new IllegalArgumentException("the request names no scenarios to plan: send scenarioIds, or a"
                    + " selection such as {\"split\": \"train\"} (narrowed with domains, issues, source, sample or"
                    + " limit); every selected scenario is one search");
        }
        return request;
    }

    private static boolean present(List<String> values) {
        return values != null && !values.isEmpty();
    }

    /** Every entry present and non-blank, and no more of them than one selection query can take. */
    private static void requireEntries(String field, List<String> values) {
        if (values == null) {
            return;
        }
        if (values.size() > PlanningLimits.MAX_LISTED) {
            throw new IllegalArgumentException(field + ": at most " + PlanningLimits.MAX_LISTED + " entries, was "
                    + values.size() + "; select larger sets with domains, issues, split or source");
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null || values.get(i).isBlank()) {
                throw new IllegalArgumentException(field + "[" + i + "]: must be a non-empty string");
            }
        }
    }

    private static int bounded(String field, Integer value, int fallback, int min, int max) {
        int chosen = value == null ? fallback : value;
        if (chosen < min || chosen > max) {
            throw new IllegalArgumentException(field + ": must be from " + min + " to " + max + ", was " + chosen);
        }
        return chosen;
    }

    private double exploration(Double value) {
        double chosen = value == null ? config.exploration() : value;
        if (!(chosen >= 0) || chosen > PlanningLimits.MAX_EXPLORATION) {
            throw new IllegalArgumentException(
                    "exploration: must be from 0 to " + PlanningLimits.MAX_EXPLORATION + ", was " + chosen);
        }
        return chosen;
    }

    private String target(String name) {
        if (!models.hasTarget(name)) {
            throw new IllegalArgumentException("model: no target model named '" + name + "' is configured");
        }
        return name;
    }

    private String judge(String name) {
        if (!models.hasJudge(name)) {
            throw new IllegalArgumentException("judgeModel: no judge model named '" + name + "' is configured");
        }
        return name;
    }

    private static String splitLabel(ScenarioEntity entity) {
        return entity.split.id();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
