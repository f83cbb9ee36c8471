package io.penguin.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AttributeVocabularyTest {

    private final AttributeVocabulary vocabulary = AttributeVocabulary.standard();

    @Test
    void everyAttributeButAgeHasDistinctValuesAndAgeIsARange() {
        for (Attribute attribute : Attribute.values()) {
            if (attribute == Attribute.AGE) {
                assertThatThrownBy(() -> vocabulary.values(attribute)).hasMessageContaining("number");
                continue;
            }
            assertThat(vocabulary.values(attribute))
                    .as(attribute.label())
                    .hasSizeGreaterThanOrEqualTo(3)
                    .extracting(AttributeVocabulary.Value::value)
                    .doesNotHaveDuplicates();
        }
        assertThat(vocabulary.minAge()).isLessThan(vocabulary.maxAge());
        assertThat(vocabulary.format(Attribute.AGE)).contains("whole years");
        assertThat(vocabulary.format(Attribute.GENDER)).contains("free text");
    }

    @Test
    void educationLevelsCarryARankAndProfessionsTheirAgeRange() {
        assertThat(vocabulary.values(Attribute.EDUCATION_LEVEL))
                .allSatisfy(value -> assertThat(value.rank()).isNotNegative());
        assertThat(vocabulary.find(Attribute.PROFESSION, "Retired"))
                .hasValueSatisfying(value -> assertThat(value.fitsAge(40)).isFalse());
        assertThat(vocabulary.find(Attribute.MENTAL_HEALTH_STATUS, "None"))
                .hasValueSatisfying(value -> assertThat(value.hasTag("none")).isTrue());
    }
}
