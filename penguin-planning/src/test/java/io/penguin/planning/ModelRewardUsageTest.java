package io.penguin.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.penguin.contracts.ModelUsage;
import io.penguin.core.Attribute;
import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Scenario;
import io.penguin.models.ModelRegistry;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelRewardUsageTest {

    private final ModelRegistry models = ModelRegistry.withReferenceModels();
    private final Scenario scenario = BuiltinScenarios.all().get(0);

    @Test
    void sumsOneTargetAndOneJudgeCallPerEvaluatedSet() {
        ModelReward reward = new ModelReward(
                scenario, models.target(ModelRegistry.REFERENCE_TARGET), models.judge(ModelRegistry.REFERENCE_JUDGE));

        reward.reward(Set.of());
        reward.reward(Set.of(Attribute.values()[0]));
        reward.reward(Set.of(Attribute.values()[0], Attribute.values()[1]));

        List<RoleUsage> usage = reward.usage();
        assertThat(usage).extracting(RoleUsage::role).containsExactly(RoleUsage.TARGET, RoleUsage.JUDGE);
        assertThat(usage)
                .extracting(RoleUsage::model)
                .containsExactly(ModelRegistry.REFERENCE_TARGET, ModelRegistry.REFERENCE_JUDGE);
        assertThat(usage).allSatisfy(role -> {
            assertThat(role.calls()).isEqualTo(3);
            assertThat(role.promptTokens()).isPositive();
            // The reference models run in-process: they cost nothing, which is known, not unknown.
            assertThat(role.cost()).isEqualTo(0.0);
        });
    }

    @Test
    void aCallWithAnUnknownCostMakesTheSumUnknown() {
        RoleUsage usage = RoleUsage.none(RoleUsage.TARGET, "m")
                .plus(new ModelUsage("m", "openai", 10, 100, 20, 0.5))
                .plus(new ModelUsage("m", "openai", 10, 50, 10, null));

        assertThat(usage.calls()).isEqualTo(2);
        assertThat(usage.promptTokens()).isEqualTo(150);
        assertThat(usage.completionTokens()).isEqualTo(30);
        assertThat(usage.cost()).isNull();
    }

    @Test
    void theReportSumsThePlansUsagePerRoleAndModel() {
        PlanOutcome plan = new PlanOutcome("Health", List.of(Attribute.values()[0]), 4.0, null, 5, null);
        PlanningReport report = PlanningReport.of(
                List.of(plan, plan),
                List.of(),
                List.of(
                        new RoleUsage(RoleUsage.TARGET, "m", 5, 500, 100, 1.0),
                        new RoleUsage(RoleUsage.JUDGE, "j", 5, 900, 50, 2.0),
                        new RoleUsage(RoleUsage.TARGET, "m", 4, 400, 80, 0.5),
                        new RoleUsage(RoleUsage.JUDGE, "j", 4, 700, 40, null)));

        assertThat(report.usage())
                .containsExactly(
                        new RoleUsage(RoleUsage.JUDGE, "j", 9, 1600, 90, null),
                        new RoleUsage(RoleUsage.TARGET, "m", 9, 900, 180, 1.5));
    }
}
