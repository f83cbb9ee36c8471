package io.penguin.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileChecksTest {

    private static Profile withAge(String age) {
        Map<Attribute, String> values = new EnumMap<>(Attribute.class);
        for (Map.Entry<String, String> entry : ProfileTest.referenceProfile().entrySet()) {
            values.put(Attribute.fromLabel(entry.getKey()), entry.getValue());
        }
        values.put(Attribute.AGE, age);
        return Profile.of(values);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "19", "130", "25-34", "25 - 34", "25\u201334", "40-40"})
    void wholeYearsAndBandsOfWholeYearsAreAges(String age) {
        assertThat(ProfileChecks.problems(withAge(age))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"thirty", "19.5", "about 40", "19 years", "\u0661\u0669"})
    void anythingElseIsNotAnAgeAndTheProblemNamesTheFieldWithoutTheValue(String age) {
        assertThat(ProfileChecks.problems(withAge(age))).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("Age");
            assertThat(problem.attribute()).isEqualTo(Attribute.AGE);
            assertThat(problem.problem()).isEqualTo(ProfileChecks.expected());
            assertThat(problem.toString()).doesNotContain(age);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"131", "-7", "1000000", "20-200", "0131-2"})
    void agesOutsideTheRangeAreNamedAsSuch(String age) {
        assertThat(ProfileChecks.problems(withAge(age)))
                .extracting(Object::toString)
                .containsExactly("Age: outside 0..130 years");
    }

    @Test
    void anAgeOfThousandsOfDigitsIsOutsideTheRangeNotTooLong() {
        assertThat(ProfileChecks.problems(withAge("1" + "0".repeat(400))))
                .extracting(Object::toString)
                .containsExactly("Age: outside 0..130 years");
        assertThat(ProfileChecks.problems(withAge("0".repeat(300) + "42")))
                .extracting(Object::toString)
                .containsExactly("Age: 302 characters; at most 200");
    }

    @Test
    void aBackwardBandIsNamed() {
        assertThat(ProfileChecks.problems(withAge("131")))
                .extracting(Object::toString)
                .containsExactly("Age: outside 0..130 years");
        assertThat(ProfileChecks.problems(withAge("1000000")))
                .extracting(Object::toString)
                .containsExactly("Age: outside 0..130 years");
        assertThat(ProfileChecks.problems(withAge("20-200")))
                .extracting(Object::toString)
                .containsExactly("Age: outside 0..130 years");
        assertThat(ProfileChecks.problems(withAge("34-25")))
                .extracting(Object::toString)
                .containsExactly("Age: a band's lower end is above its upper end");
    }

    @Test
    void everyValueIsFreeTextUpToTheLengthLimit() {
        Map<Attribute, String> values = new EnumMap<>(withAge("19").all());
        values.put(Attribute.EMOTIONAL_STATE, "é".repeat(ProfileChecks.MAX_VALUE_LENGTH));
        assertThat(ProfileChecks.problems(Profile.of(values))).isEmpty();
        values.put(Attribute.EMOTIONAL_STATE, "x".repeat(ProfileChecks.MAX_VALUE_LENGTH + 1));
        values.put(Attribute.PROFESSION, "y".repeat(ProfileChecks.MAX_VALUE_LENGTH + 5));
        assertThat(ProfileChecks.problems(Profile.of(values)))
                .extracting(Object::toString)
                .containsExactly(
                        "Profession: 205 characters; at most 200", "Emotional State: 201 characters; at most 200");
    }

    @Test
    void aBlankValueSeenBeforeItBecomesAProfileIsMissing() {
        assertThat(ProfileChecks.problem(Attribute.GENDER, "  "))
                .hasValueSatisfying(problem -> assertThat(problem.toString()).isEqualTo("Gender: missing"));
        assertThat(ProfileChecks.problem(Attribute.GENDER, "Female")).isEmpty();
    }
}
