package io.penguin.models.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdaptiveConcurrencyLimitTest {

    private final List<Integer> changes = new ArrayList<>();

    private AdaptiveConcurrencyLimit.Permit acquire(AdaptiveConcurrencyLimit limit) throws InterruptedException {
        return limit.acquire(Duration.ofSeconds(1));
    }

    @Test
    void anOccasionalPushBackAmongManySuccessesLeavesTheLimitAlone() throws InterruptedException {
        AdaptiveConcurrencyLimit limit = new AdaptiveConcurrencyLimit(64, changes::add);
        for (int i = 0; i < 200; i++) {
            AdaptiveConcurrencyLimit.Permit permit = acquire(limit);
            if (i % 50 == 49) {
                permit.pushedBack();
            } else {
                permit.succeeded();
            }
        }
        assertThat(limit.limit()).isEqualTo(64);
        assertThat(changes).isEmpty();
    }

    @Test
    void pushBacksOnMoreThanATenthOfTheRecentCallsHalveTheLimitOncePerBurst() throws InterruptedException {
        AdaptiveConcurrencyLimit limit = new AdaptiveConcurrencyLimit(20, changes::add);
        List<AdaptiveConcurrencyLimit.Permit> burst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            burst.add(acquire(limit));
        }
        burst.forEach(AdaptiveConcurrencyLimit.Permit::pushedBack);

        assertThat(limit.limit()).isEqualTo(10);
        assertThat(changes).containsExactly(10);

        acquire(limit).pushedBack();
        assertThat(limit.limit())
                .as("a push-back started after the halving counts again")
                .isEqualTo(5);
    }

    @Test
    void aPushBackOnTheFirstCallOfASmallEndpointHalvesIt() throws InterruptedException {
        AdaptiveConcurrencyLimit limit = new AdaptiveConcurrencyLimit(8, changes::add);
        acquire(limit).pushedBack();
        assertThat(limit.limit()).isEqualTo(4);
    }
}
