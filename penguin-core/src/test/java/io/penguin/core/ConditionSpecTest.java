package io.penguin.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConditionSpecTest {

    @Test
    void fixedConditionsExpandToThemselves() {
        assertThat(ConditionSpec.parse("Context-Rich").expand("s-1", 0)).containsExactly(Condition.CONTEXT_RICH);
        assertThat(ConditionSpec.parse("single:age").expand("s-1", 0)).containsExactly(Condition.single(Attribute.AGE));
    }

    @Test
    void allSinglesExpandToTheTenSingleAttributeConditions() {
        List<Condition> singles = ConditionSpec.parse("single:*").expand("s-1", 0);
        assertThat(singles).hasSize(10).allSatisfy(c -> assertThat(c.visible()).hasSize(1));
        assertThat(singles.stream().map(Condition::family).distinct()).hasSize(10);
    }

    @Test
    void bestThreeExpandsToAllHundredTwentyDistinctTriplesOfOneFamily() {
        List<Condition> triples = ConditionSpec.parse("best-3").expand("s-1", 0);
        assertThat(triples).hasSize(120);
        assertThat(new HashSet<>(triples.stream().map(Condition::visible).toList()))
                .hasSize(120);
        assertThat(triples).allSatisfy(c -> {
            assertThat(c.visible()).hasSize(3);
            assertThat(c.family()).isEqualTo("best-3");
            assertThat(Condition.parse(c.id())).isEqualTo(c);
        });
    }

    @Test
    void randomThreeIsStableForSeedAndScenarioAndVariesAcrossScenarios() {
        ConditionSpec random = ConditionSpec.parse("random-3");
        assertThat(random.expand("s-1", 7)).isEqualTo(random.expand("s-1", 7));
        Set<Set<Attribute>> drawn = new HashSet<>();
        IntStream.range(0, 50)
                .forEach(i -> drawn.add(random.expand("s-" + i, 7).get(0).visible()));
        assertThat(drawn).hasSizeGreaterThan(20);
        assertThat(random.expand("s-1", 7).get(0).family()).isEqualTo("random-3");
    }

    @Test
    void subsetIdsAreCanonicalWhateverTheOrderWritten() {
        Condition condition = Condition.parse("best-3:emotional state+Age+gender");
        assertThat(condition.id()).isEqualTo("best-3:Age+Gender+Emotional State");
        assertThat(condition.visible())
                .containsExactlyInAnyOrder(Attribute.AGE, Attribute.GENDER, Attribute.EMOTIONAL_STATE);
    }

    @Test
    void subsetWithRepeatedOrTooFewAttributesIsRejected() {
        assertThatThrownBy(() -> Condition.parse("random-3:Age+Age+Gender"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> Condition.parse("best-3:Age+Gender"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly 3");
    }

    @Test
    void agentConditionsExpandToOneAgenticWorkItemEachUnderTheirOwnId() {
        ConditionSpec planner = ConditionSpec.parse("Planner");
        assertThat(planner.agentic()).isTrue();
        assertThat(planner.itemsPerScenario()).isEqualTo(1);
        assertThat(planner.expand("s-1", 0)).singleElement().satisfies(condition -> {
            assertThat(condition.id()).isEqualTo("planner");
            assertThat(condition.agentic()).isTrue();
            assertThat(condition.visible())
                    .as("the session decides what the target sees")
                    .isEmpty();
        });
        assertThat(ConditionSpec.parse("agent").expand("s-1", 0)).containsExactly(Condition.AGENT);
        assertThat(ConditionSpec.parse("context-free").agentic()).isFalse();
    }

    @Test
    void unknownSpecErrorListsTheAcceptedForms() {
        assertThatThrownBy(() -> ConditionSpec.parse("random-4"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("random-4")
                .hasMessageContaining("best-3");
    }
}
