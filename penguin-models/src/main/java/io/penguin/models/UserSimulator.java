package io.penguin.models;

import io.penguin.core.Attribute;
import io.penguin.core.Profile;

/** A simulated user who answers the agent's question about one attribute from the hidden profile, or declines. */
public interface UserSimulator {

    String name();

    /** True for the offline reference models: reports label their results as such. */
    boolean reference();

    UserAnswer answer(Profile hidden, Attribute asked);
}
