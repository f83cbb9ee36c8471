package io.penguin.models;

/** A model that scores a response against the full profile on the three rubric dimensions. */
public interface JudgeModel {

    String name();

    boolean reference();

    Verdict judge(JudgeRequest request);
}
