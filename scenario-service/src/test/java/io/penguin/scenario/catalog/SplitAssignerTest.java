package io.penguin.scenario.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.penguin.scenario.catalog.persistence.Split;
import io.penguin.scenario.catalog.service.ScenarioIds;
import io.penguin.scenario.catalog.service.SplitAssigner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SplitAssignerTest {

    @Test
    void everyStratumHoldsItsShareOfTestScenariosAfterEveryInsert() {
        SplitAssigner assigner = new SplitAssigner(0.2, Map.of());
        for (String stratum : List.of("a", "b", "c")) {
            long test = 0;
            for (int i = 1; i <= 100; i++) {
                if (assigner.assign(stratum, stratum + "-" + i) == Split.TEST) {
                    test++;
                }
                assertThat(test).isBetween((long) Math.floor(i * 0.2), (long) Math.ceil(i * 0.2));
            }
            assertThat(test).isEqualTo(20);
        }
    }

    @Test
    void theSameIdsInTheSameOrderGetTheSameSplits() {
        List<Split> first = new ArrayList<>();
        List<Split> second = new ArrayList<>();
        SplitAssigner one = new SplitAssigner(0.2, Map.of());
        SplitAssigner two = new SplitAssigner(0.2, Map.of());
        for (int i = 0; i < 500; i++) {
            first.add(one.assign("s" + (i % 7), "id-" + i));
            second.add(two.assign("s" + (i % 7), "id-" + i));
        }
        assertThat(first).isEqualTo(second);
    }

    @Test
    void continuesFromTheStoredCounts() {
        SplitAssigner assigner = new SplitAssigner(0.2, Map.of("a", new long[] {9, 1}));
        assertThat(assigner.assign("a", "x")).isEqualTo(Split.TEST);
    }

    @Test
    void idHashIsUniformEnoughToDecideWithinTheBound() {
        long below = 0;
        for (int i = 0; i < 10_000; i++) {
            double unit = ScenarioIds.unit("id-" + i);
            assertThat(unit).isGreaterThanOrEqualTo(0).isLessThan(1);
            if (unit < 0.2) {
                below++;
            }
        }
        assertThat(below).isBetween(1_800L, 2_200L);
    }

    @Test
    void rejectsAFractionOutsideZeroToOne() {
        assertThatThrownBy(() -> new SplitAssigner(1.5, Map.of()))
                .hasMessageContaining("penguin.catalog.test-fraction")
                .hasMessageContaining("1.5");
    }
}
