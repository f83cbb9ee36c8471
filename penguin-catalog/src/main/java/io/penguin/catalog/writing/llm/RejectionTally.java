package io.penguin.catalog.writing.llm;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What an LLM generation rejected and why, counted across the issues generated in parallel. Reasons name the stage,
 * the field and the problem, never a value the model wrote.
 */
public final class RejectionTally {

    /**
     * The report of a generation.
     *
     * @param replies model replies read (re-asks included)
     * @param invalidReplies replies rejected by validation
     * @param reasks re-asks sent after an invalid reply
     * @param abandonedProfiles profiles given up after the re-ask budget (their queries were never asked for)
     * @param abandonedQuerySets profiles whose queries were given up after the re-ask budget (nothing stored for them)
     * @param reasons how often each problem was found, by "stage: field: problem"
     */
    public record Report(
            long replies,
            long invalidReplies,
            long reasks,
            long abandonedProfiles,
            long abandonedQuerySets,
            Map<String, Long> reasons) {

        public static final Report NONE = new Report(0, 0, 0, 0, 0, Map.of());
    }

    /** What was being asked for. */
    public enum Stage {
        PROFILE("profile"),
        QUERIES("queries");

        private final String label;

        Stage(String label) {
            this.label = label;
        }
    }

    private final AtomicLong replies = new AtomicLong();
    private final AtomicLong invalid = new AtomicLong();
    private final AtomicLong reasks = new AtomicLong();
    private final AtomicLong abandonedProfiles = new AtomicLong();
    private final AtomicLong abandonedQuerySets = new AtomicLong();
    private final Map<String, AtomicLong> reasons = new ConcurrentHashMap<>();

    void replied() {
        replies.incrementAndGet();
    }

    void rejected(Stage stage, Iterable<String> problems) {
        invalid.incrementAndGet();
        for (String problem : problems) {
            reasons.computeIfAbsent(stage.label + ": " + problem, key -> new AtomicLong())
                    .incrementAndGet();
        }
    }

    void reasked() {
        reasks.incrementAndGet();
    }

    void abandoned(Stage stage) {
        (stage == Stage.PROFILE ? abandonedProfiles : abandonedQuerySets).incrementAndGet();
    }

    public Report report() {
        Map<String, Long> counts = new TreeMap<>();
        reasons.forEach((reason, count) -> counts.put(reason, count.get()));
        return new Report(
                replies.get(),
                invalid.get(),
                reasks.get(),
                abandonedProfiles.get(),
                abandonedQuerySets.get(),
                java.util.Collections.unmodifiableMap(counts));
    }
}
