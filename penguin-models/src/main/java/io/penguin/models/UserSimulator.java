package io.penguin.models;

import io.penguin.core.Attribute;
import io.penguin.core.Profile;

/** A simulated user who answers the agent's question about one attribute from the hidden profile, or declines. */
public interface UserSimulator {

    /** What a model that names no template version reports. */
    String UNVERSIONED = "unversioned";

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

    UserAnswer answer(Profile hidden, Attribute asked);
}
