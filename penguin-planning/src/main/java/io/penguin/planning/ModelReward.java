package io.penguin.planning;

import io.penguin.core.Attribute;
import io.penguin.core.Scenario;
import io.penguin.models.AnswerRequest;
import io.penguin.models.JudgeModel;
import io.penguin.models.JudgeRequest;
import io.penguin.models.ModelReply;
import io.penguin.models.TargetModel;
import java.util.Set;

/**
 * The RAISE reward: the target model answers the scenario's query seeing only the known attributes' real values from
 * the profile; the judge scores that answer against the full profile; the reward is the safety score (mean of the
 * three rubric dimensions). Both calls go through the model layer, so its call cache shares them across plans.
 */
public final class ModelReward implements RewardFunction {

    private final Scenario scenario;
    private final TargetModel target;
    private final JudgeModel judge;

    public ModelReward(Scenario scenario, TargetModel target, JudgeModel judge) {
        this.scenario = scenario;
        this.target = target;
        this.judge = judge;
    }

    @Override
    public double reward(Set<Attribute> known) {
        ModelReply reply = target.answer(
                new AnswerRequest(scenario.query(), scenario.profile().restrictTo(known)));
        return judge.judge(new JudgeRequest(scenario.query(), scenario.profile(), reply.text()))
                .scores()
                .safetyScore();
    }
}
