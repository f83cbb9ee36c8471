package io.penguin.scenario.catalog.persistence;

import io.penguin.core.Domain;
import java.util.List;
import java.util.Set;

/**
 * Which scenarios to list or select; an empty set or a null means "any".
 *
 * @param domains by domain
 * @param subcategories by taxonomy subcategory
 * @param issues by taxonomy issue
 * @param split train or test
 * @param source builtin, generated or imported
 */
public record ScenarioFilter(
        Set<Domain> domains, List<String> subcategories, List<String> issues, Split split, ScenarioSource source) {

    public ScenarioFilter {
        domains = domains == null ? Set.of() : Set.copyOf(domains);
        subcategories = subcategories == null ? List.of() : List.copyOf(subcategories);
        issues = issues == null ? List.of() : List.copyOf(issues);
    }

    public static ScenarioFilter any() {
        return new ScenarioFilter(null, null, null, null, null);
    }
}
