package io.penguin.models;

import java.util.function.Consumer;

/** A model that answers a user's query with what it was allowed to know about the user. */
public interface TargetModel {

    /** What a model that names no template version reports. */
    String UNVERSIONED = "unversioned";

    /** The configured name, e.g. {@code reference} or {@code gpt-4o}. */
    String name();

    /** True for the offline reference models: reports label their results as such. */
    boolean reference();

    /**
     * The version of the prompt template (or, for a reference model, of its rules) behind this model's output, stored
     * with every result so that results made with another template are never compared as if alike.
     */
    default String promptVersion() {
        return UNVERSIONED;
    }

    ModelReply answer(AnswerRequest request);

    /**
     * The answer, its text also given to {@code deltas} piece by piece as it is made: a model on an endpoint relays
     * the endpoint's stream; a model that has no stream (the offline reference ones) gives its answer as one piece.
     * Joined, the pieces are the reply's text.
     */
    default ModelReply answer(AnswerRequest request, Consumer<String> deltas) {
        ModelReply reply = answer(request);
        deltas.accept(reply.text());
        return reply;
    }
}
