package io.penguin.agent.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.penguin.agent.WordsEmbedder;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachedQueryEmbedderTest {

    private final AtomicInteger computed = new AtomicInteger();
    private final QueryEmbedder counting = text -> {
        computed.incrementAndGet();
        return new WordsEmbedder().embed(text);
    };

    @Test
    void embedsARepeatedQueryOnceAndGivesEachCallerItsOwnCopy() {
        CachedQueryEmbedder cached = new CachedQueryEmbedder(counting, 10);

        float[] first = cached.embed("failed my exams");
        first[0] = 42;
        float[] second = cached.embed("failed my exams");

        assertThat(computed).hasValue(1);
        assertThat(second).isEqualTo(new WordsEmbedder().embed("failed my exams"));
    }

    @Test
    void holdsNoMoreThanItsBoundInEntries() {
        CachedQueryEmbedder cached = new CachedQueryEmbedder(counting, 3);

        for (int i = 0; i < 100; i++) {
            cached.embed("query number " + i);
        }

        assertThat(computed).hasValue(100);
        // Caffeine evicts asynchronously by default; cleanUp is what its own tests call before reading the size
        assertThat(cached.sizeAfterCleanUp()).isLessThanOrEqualTo(3);
    }

    @Test
    void refusesABoundBelowOne() {
        assertThatThrownBy(() -> new CachedQueryEmbedder(counting, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("embedding cache size must be at least 1, was 0");
    }
}
