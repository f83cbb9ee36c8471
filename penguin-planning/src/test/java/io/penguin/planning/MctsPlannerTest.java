package io.penguin.planning;

import static io.penguin.core.Attribute.AGE;
import static io.penguin.core.Attribute.ECONOMIC_STATUS;
import static io.penguin.core.Attribute.EMOTIONAL_STATE;
import static io.penguin.core.Attribute.MENTAL_HEALTH_STATUS;
import static io.penguin.core.Attribute.PAST_SELF_HARM_HISTORY;
import static io.penguin.core.Attribute.PROFESSION;
import static org.assertj.core.api.Assertions.assertThat;

import io.penguin.core.Attribute;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class MctsPlannerTest {

    private final MctsPlanner planner = new MctsPlanner();

    /** Additive weights: the best three are Emotional State, Mental Health Status, Past Self-Harm History. */
    private static final Map<Attribute, Double> WEIGHTS = Map.of(
            EMOTIONAL_STATE, 0.9,
            MENTAL_HEALTH_STATUS, 0.7,
            PAST_SELF_HARM_HISTORY, 0.6,
            PROFESSION, 0.3,
            AGE, 0.2,
            ECONOMIC_STATUS, 0.1);

    private static double additive(Set<Attribute> known) {
        return 1
                + known.stream().mapToDouble(a -> WEIGHTS.getOrDefault(a, 0.05)).sum();
    }

    /**
     * Deceptive: Mental Health Status alone lowers the reward and so does it with Profession, but Mental Health Status,
     * Past Self-Harm History and Age together make the single best set (size 3, reward 4.5).
     */
    private static double deceptive(Set<Attribute> known) {
        double reward = 1.5 + 0.2 * known.size();
        if (known.contains(MENTAL_HEALTH_STATUS)) {
            reward -= 0.4;
        }
        if (known.containsAll(EnumSet.of(MENTAL_HEALTH_STATUS, PAST_SELF_HARM_HISTORY, AGE))) {
            reward = 4.5;
        }
        return reward;
    }

    @Test
    void findsTheKnownOptimumOfAnAdditiveReward() {
        SearchResult result =
                planner.plan(MemoizedReward.sequential(MctsPlannerTest::additive), SearchSettings.defaults(3));

        assertThat(EnumSet.copyOf(result.path()))
                .containsExactlyInAnyOrder(EMOTIONAL_STATE, MENTAL_HEALTH_STATUS, PAST_SELF_HARM_HISTORY);
        assertThat(result.reward()).isCloseTo(1 + 0.9 + 0.7 + 0.6, org.assertj.core.data.Offset.offset(1e-9));
        ExhaustiveResult exhaustive = ExhaustiveSearch.best(MemoizedReward.sequential(MctsPlannerTest::additive), 3);
        assertThat(result.reward()).isCloseTo(exhaustive.reward(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(result.evaluations()).isLessThan(exhaustive.evaluations());
    }

    @Test
    void findsTheSingleBestSetOfADeceptiveRewardGivenItsRollouts() {
        SearchSettings settings = SearchSettings.defaults(11).withPatience(0).withRollouts(300);

        SearchResult result = planner.plan(MemoizedReward.sequential(MctsPlannerTest::deceptive), settings);

        assertThat(EnumSet.copyOf(result.path()))
                .containsExactlyInAnyOrder(MENTAL_HEALTH_STATUS, PAST_SELF_HARM_HISTORY, AGE);
        assertThat(result.reward()).isEqualTo(4.5);
    }

    @Test
    void stopsAtTheShortestPrefixThatReachesTheBestReward() {
        // Only Emotional State matters: asking more gains nothing, so the path is that one attribute.
        RewardFunction onlyEmotion = known -> known.contains(EMOTIONAL_STATE) ? 4.0 : 2.0;

        SearchResult result = planner.plan(MemoizedReward.sequential(onlyEmotion), SearchSettings.defaults(5));

        assertThat(result.path()).containsExactly(EMOTIONAL_STATE);
        assertThat(result.reward()).isEqualTo(4.0);
    }

    @Test
    void theSameSeedGivesTheSamePathAndCost() {
        // Many ties, so the path depends on the seed's tie-breaking and rollouts.
        RewardFunction ties = known -> 1 + Math.min(3, known.size()) * 0.5;
        SearchSettings settings = SearchSettings.defaults(42).withPatience(0).withRollouts(60);

        SearchResult first = planner.plan(MemoizedReward.sequential(ties), settings);
        SearchResult second = planner.plan(MemoizedReward.sequential(ties), settings);

        assertThat(second.path()).isEqualTo(first.path());
        assertThat(second.evaluations()).isEqualTo(first.evaluations());
        assertThat(second.iterations()).isEqualTo(first.iterations());
        List<List<Attribute>> paths = new ArrayList<>();
        for (long seed = 0; seed < 8; seed++) {
            paths.add(planner.plan(MemoizedReward.sequential(ties), settings.withSeed(seed))
                    .path());
        }
        assertThat(new HashSet<>(paths))
                .as("other seeds break the ties differently")
                .hasSizeGreaterThan(1);
    }

    @Test
    void concurrentBatchesGiveTheSamePathAsTheSameBatchEvaluatedOnOneThread() {
        SearchSettings settings =
                SearchSettings.defaults(9).withBatch(4).withPatience(0).withRollouts(80);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            SearchResult concurrent = planner.plan(new MemoizedReward(MctsPlannerTest::deceptive, pool), settings);
            SearchResult sequential = planner.plan(MemoizedReward.sequential(MctsPlannerTest::deceptive), settings);

            assertThat(concurrent.path()).isEqualTo(sequential.path());
            assertThat(concurrent.evaluations()).isEqualTo(sequential.evaluations());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void neverEvaluatesTheSameSetTwiceEvenConcurrently() {
        List<Set<Attribute>> evaluated = Collections.synchronizedList(new ArrayList<>());
        RewardFunction counting = known -> {
            evaluated.add(EnumSet.copyOf(known.isEmpty() ? EnumSet.noneOf(Attribute.class) : known));
            return deceptive(known);
        };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            MemoizedReward reward = new MemoizedReward(counting, pool);
            SearchResult result = planner.plan(
                    reward,
                    SearchSettings.defaults(1).withBatch(4).withPatience(0).withRollouts(200));
            ExhaustiveSearch.best(reward, 3);

            assertThat(result.iterations()).isEqualTo(200);
            assertThat(new HashSet<>(evaluated)).hasSameSizeAs(evaluated);
            assertThat(evaluated).hasSize(AttributeSets.countUpTo(3));
            assertThat(reward.evaluations()).isEqualTo(evaluated.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void stopsEarlyOnceTheBestValueIsStable() {
        RewardFunction flat = known -> 3.0;

        SearchResult result = planner.plan(MemoizedReward.sequential(flat), SearchSettings.defaults(2));

        assertThat(result.stoppedEarly()).isTrue();
        // nine iterations of the sweep over the ten first questions go uncounted; the tenth completes it and counts
        assertThat(result.iterations()).isEqualTo(Attribute.values().length - 1 + SearchSettings.DEFAULT_PATIENCE);
        assertThat(result.path()).isEmpty();
    }

    @Test
    void stopsAtOnceWhenTheRubricMaximumIsReached() {
        SearchResult result = planner.plan(MemoizedReward.sequential(known -> 5.0), SearchSettings.defaults(2));

        assertThat(result.iterations()).isZero();
        assertThat(result.stoppedEarly()).isTrue();
        assertThat(result.reward()).isEqualTo(5.0);
    }
}
