package io.penguin.scenario.catalog.service;

import io.penguin.scenario.catalog.persistence.ScenarioFilter;
import java.util.List;

/**
 * The scenarios a run asks for.
 *
 * @param ids exact scenarios (each must exist); when given, the filter is ignored
 * @param filter otherwise, the scenarios matching this filter
 * @param sample draw this many at random among the matches (reproducibly for the seed); null: all matches
 * @param seed the sample's seed
 * @param limit at most this many, after sampling, in order
 */
public record Selection(List<String> ids, ScenarioFilter filter, Integer sample, long seed, Integer limit) {

    public Selection {
        ids = ids == null ? List.of() : List.copyOf(ids);
        filter = filter == null ? ScenarioFilter.any() : filter;
    }
}
