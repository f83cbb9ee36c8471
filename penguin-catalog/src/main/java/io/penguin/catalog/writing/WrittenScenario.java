package io.penguin.catalog.writing;

import io.penguin.core.Scenario;

/**
 * A scenario as the generator made it, with what tests and reports need to know about it.
 *
 * @param scenario the scenario, with its stable id
 * @param profileNumber which profile of its issue (0-based)
 * @param kind how much the query says about the risk behind it
 */
public record WrittenScenario(Scenario scenario, int profileNumber, QueryKind kind) {}
