package io.penguin.planner.planning.rest;

import java.time.Instant;

/** A scenario of a planning job whose request was dead-lettered, and why (a field or model named; no query text). */
public record PlanningFailureView(String scenarioId, String reason, Instant failedAt) {}
