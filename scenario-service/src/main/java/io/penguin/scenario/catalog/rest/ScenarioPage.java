package io.penguin.scenario.catalog.rest;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param total scenarios matching the filter
 * @param page this page's number, from 0
 * @param size the page size asked for
 * @param items the scenarios on this page, in id order
 */
public record ScenarioPage(long total, int page, int size, List<ScenarioSummary> items) {}
