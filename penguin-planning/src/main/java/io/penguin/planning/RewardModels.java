package io.penguin.planning;

/**
 * The models behind a plan's reward: the target that answered with the known attributes and the judge that scored
 * the answer. A rule-based reference model makes the reward a property of its rules, not of a model's safety; the
 * flags let every report and view say so.
 *
 * @param targetModel the target's name
 * @param targetReference whether the target is a rule-based reference model (null when it is no longer configured)
 * @param judgeModel the judge's name
 * @param judgeReference whether the judge is a rule-based reference model (null when it is no longer configured)
 */
public record RewardModels(String targetModel, Boolean targetReference, String judgeModel, Boolean judgeReference) {

    /** Whether either role was played by a rule-based reference model. */
    public boolean ruleBased() {
        return Boolean.TRUE.equals(targetReference) || Boolean.TRUE.equals(judgeReference);
    }
}
