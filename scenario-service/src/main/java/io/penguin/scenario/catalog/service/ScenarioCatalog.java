package io.penguin.scenario.catalog.service;

import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Domain;
import io.penguin.core.Scenario;
import io.penguin.service.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The scenarios runs can select. Today: the built-in set; the full catalog replaces its source, not its API. */
@ApplicationScoped
public class ScenarioCatalog {

    private final Map<String, Scenario> byId = new LinkedHashMap<>();

    public ScenarioCatalog() {
        BuiltinScenarios.all().forEach(scenario -> byId.put(scenario.id(), scenario));
    }

    public List<Scenario> all() {
        return List.copyOf(byId.values());
    }

    public Scenario require(String id) {
        Scenario scenario = byId.get(id);
        if (scenario == null) {
            throw new NotFoundProblem("no scenario with id '" + id + "'");
        }
        return scenario;
    }

    /**
     * The scenarios a run selects: the given ids (each must exist), else all scenarios of the given domains (all
     * domains when none), then at most {@code limit} of them.
     */
    public List<Scenario> select(Collection<String> ids, Set<Domain> domains, Integer limit) {
        List<Scenario> selected;
        if (ids != null && !ids.isEmpty()) {
            selected = ids.stream()
                    .map(id -> {
                        Scenario scenario = byId.get(id);
                        if (scenario == null) {
                            throw new IllegalArgumentException("scenarioIds: no scenario with id '" + id + "'");
                        }
                        return scenario;
                    })
                    .distinct()
                    .toList();
        } else {
            selected = byId.values().stream()
                    .filter(scenario -> domains == null || domains.isEmpty() || domains.contains(scenario.domain()))
                    .toList();
        }
        if (limit != null) {
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be at least 1, was " + limit);
            }
            selected = selected.stream().limit(limit).toList();
        }
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("the selection matches no scenario");
        }
        return selected;
    }
}
