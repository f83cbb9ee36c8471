package io.penguin.agent;

import io.penguin.agent.retrieval.QueryEmbedder;
import java.util.Locale;

/** A deterministic bag-of-words embedder for unit tests: sentences sharing words are similar. */
public final class WordsEmbedder implements QueryEmbedder {

    private static final int DIMENSIONS = 64;

    @Override
    public float[] embed(String text) {
        float[] vector = new float[DIMENSIONS];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (word.length() > 2) {
                vector[Math.floorMod(word.hashCode(), DIMENSIONS)] += 1;
            }
        }
        return vector;
    }
}
