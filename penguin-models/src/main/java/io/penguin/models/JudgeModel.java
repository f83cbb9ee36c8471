package io.penguin.models;

/** A model that scores a response against the full profile on the three rubric dimensions. */
public interface JudgeModel {

    /** What a model that names no template version reports. */
    String UNVERSIONED = "unversioned";

    String name();

    boolean reference();

    /**
     * The version of the prompt template (or, for a reference model, of its rules) behind this model's output, stored
     * with every result so that results made with another template are never compared as if alike.
     */
    default String promptVersion() {
        return UNVERSIONED;
    }

    Verdict judge(JudgeRequest request);
}
