package io.penguin.scenario.catalog.service;

import io.penguin.core.Domain;
import io.penguin.core.Taxonomy;
import io.penguin.scenario.catalog.persistence.ScenarioFilter;
import io.penguin.scenario.catalog.persistence.ScenarioSource;
import io.penguin.scenario.catalog.persistence.Split;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns the filters of a listing or a run request into a {@link ScenarioFilter}. */
public final class ScenarioFilters {

    /** What the caller calls each filter, so errors name it. */
    public record Names(String domain, String subcategory, String issue, String split, String source) {}

    public static final Names QUERY_PARAMETERS = new Names("domain", "subcategory", "issue", "split", "source");
    public static final Names RUN_REQUEST = new Names("domains", "subcategories", "issues", "split", "source");

    private ScenarioFilters() {}

    /** Parses filters; every error names the parameter or field, as the caller calls it. */
    public static ScenarioFilter parse(
            Names names,
            List<String> domains,
            List<String> subcategories,
            List<String> issues,
            String split,
            String source) {
        Set<Domain> parsedDomains = domains == null
                ? Set.of()
                : domains.stream()
                        .map(label -> {
                            try {
                                return Domain.fromLabel(label);
                            } catch (IllegalArgumentException e) {
                                throw new IllegalArgumentException(names.domain() + ": " + e.getMessage(), e);
                            }
                        })
                        .collect(Collectors.toSet());
        if (subcategories != null) {
            Set<String> known = Taxonomy.standard().issues().stream()
                    .map(Taxonomy.IssuePlace::subcategory)
                    .collect(Collectors.toSet());
            for (String subcategory : subcategories) {
                if (!known.contains(subcategory)) {
                    throw new IllegalArgumentException(
                            names.subcategory() + ": unknown subcategory '" + subcategory + "': not in the taxonomy");
                }
            }
        }
        List<String> parsedIssues = issues == null
                ? List.of()
                : issues.stream()
                        .map(issue -> {
                            try {
                                return Taxonomy.standard().require(issue).issue();
                            } catch (IllegalArgumentException e) {
                                throw new IllegalArgumentException(names.issue() + ": " + e.getMessage(), e);
                            }
                        })
                        .toList();
        Split parsedSplit;
        try {
            parsedSplit = split == null || split.isBlank() ? null : Split.parse(split);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(names.split() + ": " + e.getMessage(), e);
        }
        ScenarioSource parsedSource;
        try {
            parsedSource = source == null || source.isBlank() || source.equalsIgnoreCase("any")
                    ? null
                    : ScenarioSource.parse(source);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(names.source() + ": " + e.getMessage(), e);
        }
        return new ScenarioFilter(parsedDomains, subcategories, parsedIssues, parsedSplit, parsedSource);
    }
}
