package io.penguin.service.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RepeatedWarningsTest {

    private final AtomicLong now = new AtomicLong();
    private final List<String> lines = new ArrayList<>();
    private final RepeatedWarnings warnings = new RepeatedWarnings(Duration.ofSeconds(60), now::get, lines::add);

    @Test
    void elevenThousandRecordsRejectedForOneReasonWriteOneLineAndOneSummary() {
        for (int i = 0; i < 11_380; i++) {
            warnings.warn("t|no model", "record t-0@" + i + " rejected: no model", "records rejected from t: no model");
        }
        warnings.flush();

        assertThat(lines)
                .containsExactly(
                        "record t-0@0 rejected: no model",
                        "11379 more like it in the last 60 s: records rejected from t: no model");
    }

    @Test
    void eachKindIsWrittenOnceAndOnlyKindsWithRepeatsAreSummarised() {
        warnings.warn("a", "a first", "a's");
        warnings.warn("b", "b first", "b's");
        warnings.warn("a", "a again", "a's");
        warnings.flush();

        assertThat(lines).containsExactly("a first", "b first", "1 more like it in the last 60 s: a's");
    }

    @Test
    void theFirstWarningAfterTheWindowSummarisesTheOldWindowAndIsWrittenWhole() {
        warnings.warn("a", "a 1", "a's");
        warnings.warn("a", "a 2", "a's");
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        warnings.warn("a", "a 3", "a's");

        assertThat(lines).containsExactly("a 1", "1 more like it in the last 60 s: a's", "a 3");
    }

    @Test
    void aFloodOfDistinctKindsIsCountedBeyondTheTrackedNumber() {
        for (int i = 0; i < RepeatedWarnings.MAX_KINDS + 5; i++) {
            warnings.warn("kind " + i, "line " + i, "kind " + i);
        }
        warnings.flush();

        assertThat(lines).hasSize(RepeatedWarnings.MAX_KINDS + 1);
        assertThat(lines.get(lines.size() - 1)).startsWith("5 more warnings of other kinds");
    }

    @Test
    void aFlushWithNothingRepeatedWritesNothing() {
        warnings.warn("a", "a 1", "a's");
        lines.clear();
        warnings.flush();
        warnings.flush();

        assertThat(lines).isEmpty();
    }
}
