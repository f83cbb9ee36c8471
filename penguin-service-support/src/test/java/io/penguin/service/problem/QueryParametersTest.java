package io.penguin.service.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueryParametersTest {

    @Test
    void aNumberInItsRangeIsReadWithDecimalsAndAnAbsentOneIsTheFallback() {
        assertThat(QueryParameters.number("minScore", " 2.5 ", 1, 1, 5)).isEqualTo(2.5);
        assertThat(QueryParameters.number("minScore", null, 1, 1, 5)).isEqualTo(1);
        assertThat(QueryParameters.number("maxScore", "", 5, 1, 5)).isEqualTo(5);
    }

    @Test
    void aNumberOutOfRangeOrNotANumberIsRefusedNamingTheParameterAndTheRange() {
        assertThatThrownBy(() -> QueryParameters.number("minScore", "0", 1, 1, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minScore: must be a number from 1 to 5, was '0'");
        assertThatThrownBy(() -> QueryParameters.number("maxScore", "high", 5, 1, 5))
                .hasMessage("maxScore: must be a number from 1 to 5, was 'high'");
    }

    @Test
    void aFlagIsTrueOrFalseAndAbsentMeansFalse() {
        assertThat(QueryParameters.flag("fallbacks", "true")).isTrue();
        assertThat(QueryParameters.flag("fallbacks", "false")).isFalse();
        assertThat(QueryParameters.flag("fallbacks", null)).isFalse();
        assertThatThrownBy(() -> QueryParameters.flag("fallbacks", "maybe"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fallbacks: must be true or false, was 'maybe'");
    }
}
