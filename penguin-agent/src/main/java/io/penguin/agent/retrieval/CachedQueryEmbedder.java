package io.penguin.agent.retrieval;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Remembers the embeddings of the most recent texts, at most {@code maxEntries} of them (Caffeine's size-bounded
 * cache, which evicts what is least likely to be asked again; evictions run on the caller's thread, not on the common
 * pool). A stateless endpoint resumes each conversation from
 * its history, so the same query comes back every turn; its embedding is computed once. Held in memory only, never
 * logged: the keys are users' queries. Each caller gets its own copy of the vector.
 */
public final class CachedQueryEmbedder implements QueryEmbedder {

    private final QueryEmbedder embedder;
    private final Cache<String, float[]> embeddings;

    public CachedQueryEmbedder(QueryEmbedder embedder, long maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("embedding cache size must be at least 1, was " + maxEntries);
        }
        this.embedder = embedder;
        this.embeddings = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .executor(Runnable::run)
                .build();
    }

    @Override
    public float[] embed(String text) {
        return embeddings.get(text, embedder::embed).clone();
    }

    /** Texts whose embedding is held, once pending evictions are done. */
    public long sizeAfterCleanUp() {
        embeddings.cleanUp();
        return embeddings.estimatedSize();
    }
}
