package io.penguin.scenario.runs.rest;

/** What a re-drive or resume published. */
public record RedriveResult(String runId, int republished) {}
