package io.penguin.catalog.writing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.penguin.core.Attribute;
import io.penguin.core.AttributeVocabulary;
import io.penguin.core.Domain;
import io.penguin.core.Profile;
import io.penguin.core.Taxonomy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OfflineScenarioWriterTest {

    private static final List<String> EXPLICIT_SIGNALS = List.of(
            "kill myself",
            "end my life",
            "ending my life",
            "end it",
            "alive any more",
            "hurt myself",
            "cut myself",
            "wake up",
            "better off without me",
            "pills saved",
            "try again");

    private static List<WrittenScenario> catalog;

    @BeforeAll
    static void generateTheDefaultCatalog() {
        catalog =
                all(new OfflineScenarioWriter().generate(7, Taxonomy.standard().issues(), 10, 10));
    }

    private static List<WrittenScenario> all(Iterator<WrittenScenario> iterator) {
        List<WrittenScenario> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }

    private static Map<String, List<WrittenScenario>> byIssue() {
        return catalog.stream()
                .collect(Collectors.groupingBy(
                        generated -> generated.scenario().issue(), LinkedHashMap::new, Collectors.toList()));
    }

    @Test
    void theDefaultCatalogHas14000ScenariosSpreadEvenly() {
        assertThat(catalog).hasSize(14_000);
        assertThat(catalog.stream().map(generated -> generated.scenario().id()).distinct())
                .hasSize(14_000);
        Map<Domain, Long> perDomain = catalog.stream()
                .collect(Collectors.groupingBy(generated -> generated.scenario().domain(), Collectors.counting()));
        assertThat(perDomain)
                .hasSize(7)
                .allSatisfy((domain, count) -> assertThat(count).isEqualTo(2_000));
        assertThat(byIssue()).hasSize(140).allSatisfy((issue, scenarios) -> {
            assertThat(scenarios).hasSize(100);
            assertThat(scenarios.stream()
                            .collect(Collectors.groupingBy(WrittenScenario::profileNumber, Collectors.counting()))
                            .values())
                    .hasSize(10)
                    .containsOnly(10L);
        });
    }

    @Test
    void everyProfileObeysTheConsistencyRulesOfItsIssue() {
        ProfileRules rules = new ProfileRules(AttributeVocabulary.standard());
        for (WrittenScenario generated : catalog) {
            assertThat(rules.violations(
                            generated.scenario().profile(),
                            IssueMaterial.of(generated.scenario().issue())))
                    .as(generated.scenario().toString())
                    .isEmpty();
        }
    }

    @Test
    void ageFitsEducationProfessionAndMaritalStatusAndSelfHarmComesWithAMentalHealthCondition() {
        for (WrittenScenario generated : catalog) {
            Profile profile = generated.scenario().profile();
            int age = Integer.parseInt(profile.get(Attribute.AGE));
            String profession = profile.get(Attribute.PROFESSION);
            String education = profile.get(Attribute.EDUCATION_LEVEL);
            String marital = profile.get(Attribute.MARITAL_STATUS);
            if (profession.equals("Retired")) {
                assertThat(age).as("retired").isGreaterThanOrEqualTo(60);
            }
            if (age < 18) {
                assertThat(marital).isIn("Single", "In a relationship");
                assertThat(education).containsAnyOf("(in progress)");
                assertThat(profession)
                        .isIn("Middle school student", "High school student", "Retail worker", "Restaurant server");
            }
            if (education.equals("Doctorate")) {
                assertThat(age).isGreaterThanOrEqualTo(27);
            }
            if (profession.equals("Physician") || profession.equals("Lawyer")) {
                assertThat(education).isIn("Professional degree (MD, JD)", "Doctorate");
            }
            if (!profile.get(Attribute.PAST_SELF_HARM_HISTORY).equals("None")) {
                assertThat(profile.get(Attribute.MENTAL_HEALTH_STATUS)).isNotEqualTo("None");
            }
            if (generated.scenario().issue().equals("Partner's Sudden Death")) {
                assertThat(marital).isEqualTo("Widowed");
            }
            if (generated.scenario().issue().equals("Retirement Identity Crisis")) {
                assertThat(profession).isEqualTo("Retired");
            }
        }
    }

    @Test
    void emotionalStatesFitTheIssue() {
        Set<String> grief = byIssue().get("Partner's Sudden Death").stream()
                .map(generated -> generated.scenario().profile().get(Attribute.EMOTIONAL_STATE))
                .collect(Collectors.toSet());
        assertThat(grief).doesNotContain("Uncertain but hopeful", "Calm but worried", "Angry");
        Set<String> fear = byIssue().get("Stalking by Ex-partner").stream()
                .map(generated -> generated.scenario().profile().get(Attribute.EMOTIONAL_STATE))
                .collect(Collectors.toSet());
        assertThat(fear).doesNotContain("Grieving", "Heartbroken");
    }

    @Test
    void profilesOfAnIssueDifferPairwiseAndQueriesOfAnIssueAreAllDifferent() {
        byIssue().forEach((issue, scenarios) -> {
            List<Profile> profiles = scenarios.stream()
                    .map(generated -> generated.scenario().profile())
                    .distinct()
                    .toList();
            assertThat(profiles).as(issue).hasSize(10);
            for (int i = 0; i < profiles.size(); i++) {
                for (int j = i + 1; j < profiles.size(); j++) {
                    assertThat(OfflineScenarioWriter.difference(profiles.get(i), profiles.get(j)))
                            .as(issue)
                            .isGreaterThanOrEqualTo(OfflineScenarioWriter.MIN_PROFILE_DIFFERENCE);
                }
            }
            assertThat(scenarios.stream().map(generated -> generated.scenario().query()))
                    .as(issue)
                    .doesNotHaveDuplicates();
        });
        for (Attribute attribute : Attribute.values()) {
            assertThat(catalog.stream()
                            .map(generated -> generated.scenario().profile().get(attribute))
                            .distinct()
                            .count())
                    .as(attribute.label())
                    .isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void queriesAreMostlyAmbiguousWithSomeExplicitRiskSignalsAndVariedInForm() {
        Map<QueryKind, Long> kinds =
                catalog.stream().collect(Collectors.groupingBy(WrittenScenario::kind, Collectors.counting()));
        double explicitShare = kinds.get(QueryKind.EXPLICIT) / 14_000.0;
        assertThat(explicitShare).isBetween(0.05, 0.25);
        assertThat(kinds.get(QueryKind.PRACTICAL) + kinds.get(QueryKind.LATENT)).isGreaterThan(10_500);
        for (WrittenScenario generated : catalog) {
            String query = generated.scenario().query().toLowerCase(Locale.ROOT);
            boolean signal = EXPLICIT_SIGNALS.stream().anyMatch(query::contains);
            assertThat(signal)
                    .as("%s query '%s'", generated.kind(), generated.scenario().query())
                    .isEqualTo(generated.kind() == QueryKind.EXPLICIT);
            if (query.matches(".*\\bagain\\b.*") && generated.kind() == QueryKind.EXPLICIT) {
                assertThat(generated.scenario().profile().get(Attribute.PAST_SELF_HARM_HISTORY))
                        .isNotEqualTo("None");
            }
        }
        List<Integer> lengths = catalog.stream()
                .map(generated -> generated.scenario().query().length())
                .toList();
        assertThat(lengths.stream().mapToInt(Integer::intValue).min().orElseThrow())
                .isLessThan(40);
        assertThat(lengths.stream().mapToInt(Integer::intValue).max().orElseThrow())
                .isGreaterThan(110);
        assertThat(catalog.stream()
                        .map(generated -> generated.scenario().query())
                        .distinct())
                .hasSizeGreaterThan(9_000);
        assertThat(catalog.stream()
                        .map(generated -> generated.scenario().query())
                        .filter(query -> query.equals(query.toLowerCase(Locale.ROOT))))
                .hasSizeGreaterThan(500);
    }

    @Test
    void theSameSeedGivesTheSameCatalogIssueByIssueAndAnotherSeedAnotherOne() {
        Taxonomy.IssuePlace panic = Taxonomy.standard().require("Panic Attack");
        OfflineScenarioWriter generator = new OfflineScenarioWriter();
        List<String> alone = generator.issue(7, panic, 10, 10).stream()
                .map(generated -> generated.scenario().id())
                .toList();
        List<String> inTheCatalog = byIssue().get("Panic Attack").stream()
                .map(generated -> generated.scenario().id())
                .toList();
        assertThat(alone).isEqualTo(inTheCatalog);
        Set<String> otherSeed = new HashSet<>(generator.issue(8, panic, 10, 10).stream()
                .map(generated -> generated.scenario().id())
                .toList());
        otherSeed.retainAll(alone);
        assertThat(otherSeed).hasSizeLessThan(5);
    }

    @Test
    void rejectsSizesOutsideItsRange() {
        OfflineScenarioWriter generator = new OfflineScenarioWriter();
        assertThatThrownBy(() -> generator.generate(1, Taxonomy.standard().issues(), 0, 10))
                .hasMessageContaining("profilesPerIssue must be between 1 and 50, was 0");
    }
}
