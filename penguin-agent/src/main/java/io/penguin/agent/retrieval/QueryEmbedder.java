package io.penguin.agent.retrieval;

/** Turns a sentence into a vector whose cosine similarity to another sentence's tells how alike they are. */
public interface QueryEmbedder {

    float[] embed(String text);
}
