package io.penguin.embedded;

import java.time.Duration;

/**
 * How long a test waits for something that must happen. Such a wait only guards liveness (a hung system fails
 * instead of blocking the build); it never decides correctness, so it is sized for a shared, noisy CI machine, not
 * for an idle laptop: a wait that passes takes as long as the work, however large the bound.
 */
public final class Liveness {

    /** The bound for any single asynchronous outcome a test waits for. */
    public static final Duration PATIENCE = Duration.ofMinutes(3);

    private Liveness() {}
}
