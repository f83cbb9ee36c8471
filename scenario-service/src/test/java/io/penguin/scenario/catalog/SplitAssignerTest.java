package io.penguin.scenario.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.penguin.catalog.ScenarioIds;
import io.penguin.core.Attribute;
import io.penguin.core.Profile;
import io.penguin.core.Scenario;
import io.penguin.core.Taxonomy;
import io.penguin.scenario.catalog.config.CatalogConfig;
import io.penguin.scenario.catalog.persistence.Split;
import io.penguin.scenario.catalog.service.SplitAssigner;
import io.penguin.scenario.catalog.service.SplitAssigner.StoredPerson;
import io.smallrye.config.WithDefault;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplitAssignerTest {

    private static final List<Taxonomy.IssuePlace> ISSUES = Taxonomy.standard().issues();

    /** Person {@code n}: ten values that differ from every other person's. */
    private static Profile person(int n) {
        Map<Attribute, String> values = new EnumMap<>(Attribute.class);
        for (Attribute attribute : Attribute.values()) {
            values.put(attribute, attribute == Attribute.AGE ? Integer.toString(18 + n % 60) : "value " + n);
        }
        return Profile.of(values);
    }

    private static Scenario scenario(Taxonomy.IssuePlace place, Profile profile, int query) {
        return ScenarioIds.scenario(place, profile, "What should I do now, version " + query + "?");
    }

    private static SplitAssigner fresh() {
        return new SplitAssigner(0.2, SplitAssigner.DEFAULT_SEED, List.of());
    }

    @Test
    void everyQueryOfOnePersonLandsInThePersonsSplit() {
        SplitAssigner assigner = fresh();
        Map<Profile, Set<Split>> splits = new HashMap<>();
        // Queries interleaved across persons and spread over two issues each, as several imports could bring them.
        for (int query = 0; query < 12; query++) {
            for (int n = 0; n < 300; n++) {
                Taxonomy.IssuePlace place = ISSUES.get((n + (query % 2) * 7) % ISSUES.size());
                splits.computeIfAbsent(person(n), key -> new HashSet<>())
                        .add(assigner.assign(scenario(place, person(n), query)));
            }
        }
        assertThat(splits).hasSize(300);
        assertThat(splits.values()).allSatisfy(set -> assertThat(set).hasSize(1));
        assertThat(splits.values().stream().filter(set -> set.contains(Split.TEST)))
                .as("some persons are test, with all their queries")
                .isNotEmpty();
    }

    @Test
    void everyStratumHoldsItsShareOfTestPersonsAfterEveryNewPerson() {
        SplitAssigner assigner = fresh();
        for (String stratum : List.of("a", "b", "c")) {
            long test = 0;
            for (int i = 1; i <= 100; i++) {
                if (assigner.assign(stratum, stratum + "-person-" + i) == Split.TEST) {
                    test++;
                }
                // A person seen again changes nothing.
                assigner.assign(stratum, stratum + "-person-" + i);
                assertThat(test).isBetween((long) Math.floor(i * 0.2), (long) Math.ceil(i * 0.2));
            }
            assertThat(test).isEqualTo(20);
        }
    }

    @Test
    void theShareOverManyPersonsIsCloseToTheConfiguredShareEvenWithOnePersonPerStratum() {
        // One person per stratum: the bound allows either split, so the seeded hash alone decides.
        long test = 0;
        SplitAssigner assigner = fresh();
        for (int n = 0; n < 5_000; n++) {
            if (assigner.assign("stratum-" + n, ScenarioIds.person(person(n))) == Split.TEST) {
                test++;
            }
        }
        assertThat(test / 5_000.0).isCloseTo(0.2, org.assertj.core.data.Offset.offset(0.02));
        // The generated catalog's shape: 140 issues, 10 persons each, 10 queries per person.
        SplitAssigner catalog = fresh();
        long testScenarios = 0;
        long scenarios = 0;
        for (int issue = 0; issue < ISSUES.size(); issue++) {
            for (int p = 0; p < 10; p++) {
                Profile profile = person(issue * 10 + p);
                for (int query = 0; query < 10; query++) {
                    scenarios++;
                    if (catalog.assign(scenario(ISSUES.get(issue), profile, query)) == Split.TEST) {
                        testScenarios++;
                    }
                }
            }
        }
        assertThat(testScenarios).isEqualTo(scenarios / 5);
    }

    @Test
    void theSameScenariosInTheSameOrderGetTheSameSplitsAndTheSeedChangesWhichPersonsAreTest() {
        List<Split> first = new ArrayList<>();
        List<Split> second = new ArrayList<>();
        List<Split> otherSeed = new ArrayList<>();
        SplitAssigner one = fresh();
        SplitAssigner two = fresh();
        SplitAssigner three = new SplitAssigner(0.2, SplitAssigner.DEFAULT_SEED + 1, List.of());
        for (int i = 0; i < 500; i++) {
            Scenario scenario = scenario(ISSUES.get(i % 7), person(i % 230), i);
            first.add(one.assign(scenario));
            second.add(two.assign(scenario));
            otherSeed.add(three.assign(scenario));
        }
        assertThat(first).isEqualTo(second).isNotEqualTo(otherSeed);
    }

    @Test
    void aStoredPersonKeepsItsSplitInAnyIssueWhateverTheBoundSays() {
        String stratum = SplitAssigner.stratum("Health", "Panic Attack");
        String other = SplitAssigner.stratum("Financial", "Credit Card Debt");
        // The stratum holds its one test person already: a new person there would be train.
        SplitAssigner assigner = new SplitAssigner(
                0.2,
                SplitAssigner.DEFAULT_SEED,
                List.of(
                        new StoredPerson("stored-test", stratum, Split.TEST),
                        new StoredPerson("stored-train", stratum, Split.TRAIN),
                        new StoredPerson("stored-train", other, Split.TEST)));
        assertThat(assigner.assign(stratum, "stored-test")).isEqualTo(Split.TEST);
        assertThat(assigner.assign(other, "stored-test")).isEqualTo(Split.TEST);
        assertThat(assigner.assign(other, "stored-train"))
                .as("a person stored in both splits follows its first stored scenario")
                .isEqualTo(Split.TRAIN);
    }

    @Test
    void continuesFromTheStoredPersons() {
        List<StoredPerson> stored = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            stored.add(new StoredPerson("p" + i, "a", i == 0 ? Split.TEST : Split.TRAIN));
        }
        SplitAssigner assigner = new SplitAssigner(0.2, SplitAssigner.DEFAULT_SEED, stored);
        assertThat(assigner.assign("a", "new")).isEqualTo(Split.TEST);
        assertThat(new SplitAssigner(0.2, Map.of("a", new long[] {9, 1})).assign("a", "x"))
                .isEqualTo(Split.TEST);
    }

    @Test
    void thePersonIsTheTenValuesNotTheIssueOrTheQuery() {
        Profile profile = person(3);
        String key = ScenarioIds.person(profile);
        assertThat(ScenarioIds.person(Profile.of(new EnumMap<>(profile.all())))).isEqualTo(key);
        Map<Attribute, String> changed = new EnumMap<>(profile.all());
        changed.put(Attribute.EMOTIONAL_STATE, "Calm");
        assertThat(ScenarioIds.person(Profile.of(changed))).isNotEqualTo(key);
        assertThat(key).doesNotContain("value 3");
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
    void theConfiguredSeedDefaultsToTheAssignersDefault() throws NoSuchMethodException {
        assertThat(CatalogConfig.class
                        .getMethod("splitSeed")
                        .getAnnotation(WithDefault.class)
                        .value())
                .isEqualTo(Long.toString(SplitAssigner.DEFAULT_SEED));
    }

    @Test
    void rejectsAFractionOutsideZeroToOne() {
        assertThatThrownBy(() -> new SplitAssigner(1.5, Map.of()))
                .hasMessageContaining("penguin.catalog.test-fraction")
                .hasMessageContaining("1.5");
    }
}
