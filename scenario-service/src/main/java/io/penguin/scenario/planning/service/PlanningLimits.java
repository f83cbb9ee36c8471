package io.penguin.scenario.planning.service;

/**
 * The bounds of a {@code POST /plannings} request; every refusal names the field and its bound. They keep one request
 * from starting a job no planner finishes (two billion rollouts per scenario) or a selection the database cannot
 * take in one query.
 */
public final class PlanningLimits {

    /** The profile has ten attributes: a path cannot ask more. */
    public static final int MAX_BUDGET = 10;

    /**
     * MCTS iterations per scenario. Budget 10 has 1,023 attribute sets, each evaluated at most once, and the search
     * stops early once its best stops improving; 10,000 iterations is ten times that space.
     */
    public static final int MAX_ROLLOUTS = 10_000;

    /** The UCT constant on rewards normalised to 0..1: the reference code's 1.3 already explores nearly uniformly. */
    public static final double MAX_EXPLORATION = 10.0;

    /** Scenarios of one planning job (sample and limit included): about four full generated catalogs' train splits. */
    public static final int MAX_SCENARIOS = 50_000;

    /** Entries of a list field (scenarioIds, domains, issues): a selection is a query with one parameter each. */
    public static final int MAX_LISTED = 10_000;

    private PlanningLimits() {}
}
