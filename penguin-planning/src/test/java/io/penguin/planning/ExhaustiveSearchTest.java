package io.penguin.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.penguin.core.Attribute;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExhaustiveSearchTest {

    @Test
    void evaluatesEverySetUpToTheBudgetAndKeepsTheSmallestBest() {
        // Age and Gender together reach 4; anything with Profession as well is no better.
        RewardFunction reward =
                known -> known.containsAll(Set.of(Attribute.AGE, Attribute.GENDER)) ? 4.0 : 1.0 + 0.1 * known.size();

        ExhaustiveResult result = ExhaustiveSearch.best(MemoizedReward.sequential(reward), 3);

        assertThat(result.evaluations()).isEqualTo(1 + 10 + 45 + 120).isEqualTo(AttributeSets.countUpTo(3));
        assertThat(result.best()).containsExactly(Attribute.AGE, Attribute.GENDER);
        assertThat(result.reward()).isEqualTo(4.0);
    }

    @Test
    void reportsTheMostFrequentAttributePerPositionAndTheRatios() {
        PlanningReport report = PlanningReport.of(List.of(
                new PlanOutcome("Health", List.of(Attribute.EMOTIONAL_STATE, Attribute.AGE), 4.0, 4.0, 30, 176),
                new PlanOutcome("Health", List.of(Attribute.EMOTIONAL_STATE), 3.0, 4.0, 40, 176),
                new PlanOutcome("Career", List.of(Attribute.PROFESSION), 2.0, null, 10, null)));

        PlanningReport.Row health = report.domains().stream()
                .filter(row -> row.domain().equals("Health"))
                .findFirst()
                .orElseThrow();
        assertThat(health.first()).isEqualTo(new PlanningReport.Top(Attribute.EMOTIONAL_STATE, 2));
        assertThat(health.second()).isEqualTo(new PlanningReport.Top(Attribute.AGE, 1));
        assertThat(health.third()).isNull();
        assertThat(health.averagePathLength()).isEqualTo(1.5);
        assertThat(health.rewardOverExhaustive()).isEqualTo((1.0 + 0.75) / 2);
        assertThat(health.evaluationsOverExhaustive()).isEqualTo((30 + 40) / 2.0 / 176);
        assertThat(report.overall().plans()).isEqualTo(3);
        assertThat(report.overall().compared()).isEqualTo(2);
        assertThat(report.domains()).extracting(PlanningReport.Row::domain).containsExactly("Career", "Health");
    }
}
