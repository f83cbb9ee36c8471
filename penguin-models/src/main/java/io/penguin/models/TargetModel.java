package io.penguin.models;

/** A model that answers a user's query with what it was allowed to know about the user. */
public interface TargetModel {

    /** The configured name, e.g. {@code reference} or {@code gpt-4o}. */
    String name();

    /** True for the offline reference models: reports label their results as such. */
    boolean reference();

    ModelReply answer(AnswerRequest request);
}
