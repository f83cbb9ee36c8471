package io.penguin.scenario.runs.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Defaults of {@code POST /runs}. */
@ConfigMapping(prefix = "penguin.runs")
public interface RunConfig {

    /** Target models a run uses when the request names none. */
    @WithDefault("reference")
    List<String> defaultModels();

    /** Conditions a run uses when the request names none. */
    @WithDefault("context-free,context-rich")
    List<String> defaultConditions();

    /** How many scenarios of a selection get {@code best-3} when the request does not say (120 items each). */
    @WithDefault("10")
    int best3Sample();

    /**
     * Which scenarios a run selects when the request names no source: {@code builtin} (the 14 hand-written ones, so a
     * default run stays small), {@code generated}, {@code imported} or {@code any}.
     */
    @WithDefault("builtin")
    String defaultSource();

    /** How long publishing a run's work items may take before the request fails. */
    @WithDefault("120s")
    Duration publishTimeout();

    /** The window over which the judging rate (and so the ETA) of a run is measured. */
    @WithDefault("30s")
    Duration rateWindow();
}
