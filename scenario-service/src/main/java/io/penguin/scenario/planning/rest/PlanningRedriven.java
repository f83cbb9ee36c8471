package io.penguin.scenario.planning.rest;

/** The answer to {@code POST /plannings/{id}/redrive}: how many requests were published again. */
public record PlanningRedriven(String planningId, int republished) {}
