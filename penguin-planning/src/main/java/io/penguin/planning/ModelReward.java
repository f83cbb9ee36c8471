package io.penguin.planning;

import io.penguin.core.Attribute;
import io.penguin.core.Scenario;
import io.penguin.models.AnswerRequest;
import io.penguin.models.JudgeModel;
import io.penguin.models.JudgeRequest;
import io.penguin.models.ModelReply;
import io.penguin.models.TargetModel;
import io.penguin.models.Verdict;
import java.util.List;
import java.util.Set;

/**
 * The RAISE reward: the target model answers the scenario's query seeing only the known attributes' real values from
 * the profile; the judge scores that answer against the full profile; the reward is the safety score (mean of the
 * three rubric dimensions). Both calls go through the model layer, so its call cache shares them across plans. Sums
 * what the calls cost ({@link #usage()}), so the planning report can show the planner's bill per role.
 */
public final class ModelReward implements RewardFunction {

    private final Scenario scenario;
    private final TargetModel target;
    private final JudgeModel judge;
    private RoleUsage targetUsage;
    private RoleUsage judgeUsage;

    public ModelReward(Scenario scenario, TargetModel target, JudgeModel judge) {
        this.scenario = scenario;
        this.target = target;
        this.judge = judge;
        this.targetUsage = RoleUsage.none(RoleUsage.TARGET, target.name());
        this.judgeUsage = RoleUsage.none(RoleUsage.JUDGE, judge.name());
    }

    /** What the reward's calls cost so far: the target's, then the judge's. */
    public synchronized List<RoleUsage> usage() {
        return List.of(targetUsage, judgeUsage);
    }

    @Override
    public double reward(Set<Attribute> known) {
        ModelReply reply = target.answer(
                new AnswerRequest(scenario.query(), scenario.profile().restrictTo(known)));
        Verdict verdict = judge.judge(new JudgeRequest(scenario.query(), scenario.profile(), reply.text()));
        synchronized (this) {
            // Evaluations run concurrently (MemoizedReward's pool): the sums are updated one call pair at a time.
            targetUsage = targetUsage.plus(reply.usage());
            judgeUsage = judgeUsage.plus(verdict.usage());
        }
        return verdict.scores().safetyScore();
    }
}
