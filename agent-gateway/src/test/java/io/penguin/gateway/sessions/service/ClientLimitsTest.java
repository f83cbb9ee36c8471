package io.penguin.gateway.sessions.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClientLimitsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ClientLimits limits = new ClientLimits(2, 1, Duration.ofSeconds(30), now::get);

    @Test
    void aClientOverItsMinuteIsToldWhenTheNextMinuteStarts() {
        assertThat(limits.admitMessage("a")).isEmpty();
        now.addAndGet(Duration.ofSeconds(20).toNanos());
        assertThat(limits.admitMessage("a")).isEmpty();

        assertThat(limits.admitMessage("a")).contains(Duration.ofSeconds(40));
        assertThat(limits.admitMessage("b"))
                .as("each client has its own minute")
                .isEmpty();

        now.addAndGet(Duration.ofSeconds(40).toNanos());
        assertThat(limits.admitMessage("a")).isEmpty();
    }

    @Test
    void aSlotTakenByARequestIsOneAWebSocketSessionCannotHave() {
        assertThat(limits.takeSlot("a")).isTrue();
        assertThat(limits.slots().reserve("a"))
                .as("the client's only slot is in use")
                .isEmpty();
        assertThat(limits.takeSlot("a")).isFalse();

        limits.releaseSlot("a");

        assertThat(limits.slots().reserve("a")).isPresent();
    }
}
