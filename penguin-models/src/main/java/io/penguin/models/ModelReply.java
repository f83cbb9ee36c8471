package io.penguin.models;

import io.penguin.contracts.ModelUsage;

/**
 * A target model's answer and what it cost.
 *
 * @param text the answer
 * @param usage what the call cost
 * @param promptVersion the template version that produced it ({@link TargetModel#promptVersion()})
 */
public record ModelReply(String text, ModelUsage usage, String promptVersion) {

    /** A reply from a model that names no template version. */
    public ModelReply(String text, ModelUsage usage) {
        this(text, usage, TargetModel.UNVERSIONED);
    }
}
