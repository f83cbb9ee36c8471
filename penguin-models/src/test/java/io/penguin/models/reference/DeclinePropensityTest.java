package io.penguin.models.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.penguin.core.Attribute;
import io.penguin.core.AttributeVocabulary;
import io.penguin.core.Profile;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Declines follow the person (the whole profile), with the configured share on average. */
class DeclinePropensityTest {

    private static final String SELF_HARM = "Self-harm within the last year";

    private final DeclinePropensity quarter = new DeclinePropensity(0.25, 17);

    /** People drawn from the vocabulary, all with the same self-harm history. */
    private static List<Profile> people(int count, long seed) {
        AttributeVocabulary vocabulary = AttributeVocabulary.standard();
        Random random = new Random(seed);
        List<Profile> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<Attribute, String> values = new EnumMap<>(Attribute.class);
            for (Attribute attribute : Attribute.values()) {
                if (attribute == Attribute.AGE) {
                    values.put(
                            attribute,
                            Integer.toString(vocabulary.minAge()
                                    + random.nextInt(vocabulary.maxAge() - vocabulary.minAge() + 1)));
                } else {
                    List<AttributeVocabulary.Value> choices = vocabulary.values(attribute);
                    values.put(
                            attribute,
                            choices.get(random.nextInt(choices.size())).value());
                }
            }
            values.put(Attribute.PAST_SELF_HARM_HISTORY, SELF_HARM);
            people.add(Profile.of(values));
        }
        return people;
    }

    @Test
    void aDeclineFollowsThePersonNotTheValue() {
        List<Profile> people = people(200, 1);
        Profile decliner = people.stream()
                .filter(person -> quarter.declines(person, Attribute.PAST_SELF_HARM_HISTORY))
                .findFirst()
                .orElseThrow();
        Profile teller = people.stream()
                .filter(person -> !quarter.declines(person, Attribute.PAST_SELF_HARM_HISTORY))
                .findFirst()
                .orElseThrow();

        assertThat(decliner.get(Attribute.PAST_SELF_HARM_HISTORY))
                .isEqualTo(teller.get(Attribute.PAST_SELF_HARM_HISTORY));
        assertThat(decliner).isNotEqualTo(teller);
    }

    @Test
    void overManyPeopleTheShareDeclinedIsTheConfiguredOne() {
        List<Profile> people = people(2_000, 2);
        for (double share : new double[] {0.1, 0.25, 0.6}) {
            DeclinePropensity declines = new DeclinePropensity(share, 5);
            for (Attribute attribute : DeclinePropensity.PRIVATE) {
                long declined = people.stream()
                        .filter(person -> declines.declines(person, attribute))
                        .count();
                assertThat(declined / 2_000.0)
                        .as("share declined of %s at %s", attribute.label(), share)
                        .isBetween(share - 0.07, share + 0.07);
            }
            double meanPropensity =
                    people.stream().mapToDouble(declines::propensity).average().orElseThrow();
            assertThat(meanPropensity).isBetween(share - 0.03, share + 0.03);
        }
    }

    @Test
    void propensitiesDifferBetweenPeopleSoSomeKeepMoreToThemselves() {
        List<Double> propensities =
                people(500, 3).stream().map(quarter::propensity).toList();

        assertThat(propensities).allSatisfy(p -> assertThat(p).isBetween(0.0, 0.5));
        assertThat(propensities.stream().mapToDouble(Double::doubleValue).max().orElseThrow())
                .isGreaterThan(0.4);
        assertThat(propensities.stream().mapToDouble(Double::doubleValue).min().orElseThrow())
                .isLessThan(0.1);
    }

    @Test
    void theSamePersonDecidesTheSameQuestionTheSameWayEveryTime() {
        for (Profile person : people(300, 4)) {
            Profile again = Profile.of(new EnumMap<>(person.all()));
            for (Attribute attribute : Attribute.values()) {
                boolean first = quarter.declines(person, attribute);
                assertThat(quarter.declines(again, attribute)).isEqualTo(first);
                assertThat(new DeclinePropensity(0.25, 17).declines(person, attribute))
                        .isEqualTo(first);
            }
        }
    }

    @Test
    void onlyPrivateAttributesAreDeclinedAndTheExtremesAreAbsolute() {
        List<Profile> people = people(100, 5);
        DeclinePropensity never = new DeclinePropensity(0, 1);
        DeclinePropensity always = new DeclinePropensity(1, 1);

        for (Profile person : people) {
            assertThat(quarter.declines(person, Attribute.AGE)).isFalse();
            assertThat(always.declines(person, Attribute.EMOTIONAL_STATE)).isFalse();
            assertThat(always.declines(person, Attribute.MENTAL_HEALTH_STATUS)).isTrue();
            assertThat(never.declines(person, Attribute.PAST_SELF_HARM_HISTORY)).isFalse();
        }
        assertThatThrownBy(() -> new DeclinePropensity(-0.1, 1))
                .hasMessage("user simulator: decline share -0.1 is not in [0, 1]");
        assertThatThrownBy(() -> new DeclinePropensity(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theReferenceUserDeclinesExactlyWhenThePropensitySays() {
        ProfileUserSimulator user = new ProfileUserSimulator(quarter);
        for (Profile person : people(200, 6)) {
            assertThat(user.answer(person, Attribute.PAST_SELF_HARM_HISTORY).declined())
                    .isEqualTo(quarter.declines(person, Attribute.PAST_SELF_HARM_HISTORY));
        }
    }
}
