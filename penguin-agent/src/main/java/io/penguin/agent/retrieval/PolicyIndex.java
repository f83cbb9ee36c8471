package io.penguin.agent.retrieval;

import io.penguin.contracts.PolicyPublished;
import io.penguin.core.Attribute;
import io.penguin.models.PlannedPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The planned policies the agent retrieves from: one entry per scenario (a newer plan replaces the older, as on the
 * compacted topic), each with its query's unit-length embedding. Retrieval is an exact cosine k-nearest-neighbour
 * scan: at the catalog's size (thousands of plans, 384 dimensions) a scan is ~1 ms and needs no approximate index.
 * Thread-safe: the topic reader writes while sessions read.
 */
public final class PolicyIndex {

    private record Entry(
            String scenarioId,
            String split,
            String query,
            List<Attribute> path,
            double reward,
            String targetModel,
            String judgeModel,
            float[] unit) {}

    private final QueryEmbedder embedder;
    private final QueryEmbedder queries;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public PolicyIndex(QueryEmbedder embedder) {
        this(embedder, embedder);
    }

    /**
     * @param embedder embeds the plans' queries
     * @param queries embeds the queries being answered (the same model, e.g. behind a {@link CachedQueryEmbedder},
     *     so that the plans do not crowd the users' queries out of its cache)
     */
    public PolicyIndex(QueryEmbedder embedder, QueryEmbedder queries) {
        this.embedder = embedder;
        this.queries = queries;
    }

    /** Adds or replaces a scenario's plan; an empty path carries no example and removes the entry. */
    public void put(PolicyPublished policy) {
        if (policy.path().isEmpty()) {
            entries.remove(policy.scenarioId());
            return;
        }
        Entry previous = entries.get(policy.scenarioId());
        float[] unit = previous != null && previous.query().equals(policy.query())
                ? previous.unit()
                : unit(embedder.embed(policy.query()));
        entries.put(
                policy.scenarioId(),
                new Entry(
                        policy.scenarioId(),
                        policy.split(),
                        policy.query(),
                        policy.path(),
                        policy.reward(),
                        policy.targetModel(),
                        policy.judgeModel(),
                        unit));
    }

    /** Forgets a scenario's plan (a tombstone on the compacted topic). */
    public void remove(String scenarioId) {
        entries.remove(scenarioId);
    }

    public int size() {
        return entries.size();
    }

    /**
     * The query's unit-length embedding, computed once per dialogue; {@link RetrievalUnavailableException} when the
     * embedding model fails.
     */
    public float[] embed(String query) {
        try {
            return unit(queries.embed(query));
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: the native tokenizer or runtime failed to load, and will fail again on every query
            throw new RetrievalUnavailableException(e);
        }
    }

    /** The {@code k} plans most similar to the query within the scope, most similar first. */
    public List<PlannedPath> nearest(float[] queryUnit, int k, RetrievalScope scope) {
        if (k < 1) {
            return List.of();
        }
        Comparator<PlannedPath> bySimilarity = Comparator.comparingDouble(PlannedPath::similarity);
        PriorityQueue<PlannedPath> best = new PriorityQueue<>(bySimilarity);
        for (Entry entry : entries.values()) {
            if (!scope.admits(entry.scenarioId(), entry.split())) {
                continue;
            }
            double similarity = dot(queryUnit, entry.unit());
            if (best.size() < k || similarity > best.peek().similarity()) {
                best.add(new PlannedPath(
                        entry.scenarioId(),
                        entry.query(),
                        entry.path(),
                        entry.reward(),
                        similarity,
                        entry.targetModel(),
                        entry.judgeModel()));
                if (best.size() > k) {
                    best.poll();
                }
            }
        }
        List<PlannedPath> ordered = new ArrayList<>(best);
        ordered.sort(bySimilarity.reversed().thenComparing(PlannedPath::scenarioId));
        return List.copyOf(ordered);
    }

    private static double dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(
                    "embedding dimensions differ: " + a.length + " and " + b.length + " (one embedder per index)");
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static float[] unit(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        float[] unit = new float[vector.length];
        if (norm == 0) {
            return unit;
        }
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }
}
