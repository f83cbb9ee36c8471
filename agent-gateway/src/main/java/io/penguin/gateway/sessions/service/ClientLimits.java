package io.penguin.gateway.sessions.service;

import io.penguin.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The per-client limits every way into the agent shares, so that a client cannot double its allowance by using both
 * the WebSocket protocol and the OpenAI-compatible endpoint: messages per minute (WebSocket frames and HTTP requests
 * alike) and the session slots (open WebSocket sessions and chat completions in progress alike).
 */
@ApplicationScoped
public class ClientLimits {

    private static final long MINUTE_NANOS = Duration.ofMinutes(1).toNanos();

    private final int messagesPerMinute;
    private final SessionSlots slots;
    private final LongSupplier clock;
    private final Map<String, MinuteWindow> windows = new ConcurrentHashMap<>();

    @Inject
    public ClientLimits(GatewayConfig config) {
        this(
                config.limits().clientMessagesPerMinute(),
                config.limits().maxSessionsPerClient(),
                SessionAdmission.UPGRADE_RESERVATION,
                System::nanoTime);
    }

    ClientLimits(int messagesPerMinute, int maxSessions, Duration reservation, LongSupplier clock) {
        this.messagesPerMinute = messagesPerMinute;
        this.slots = new SessionSlots(maxSessions, reservation, clock);
        this.clock = clock;
    }

    /**
     * Counts one message of the client against its minute: empty when admitted, else how long until its next minute
     * starts (a {@code Retry-After}).
     */
    public Optional<Duration> admitMessage(String clientId) {
        return windows.computeIfAbsent(clientId, id -> new MinuteWindow(clock.getAsLong()))
                .admit(clock.getAsLong(), messagesPerMinute);
    }

    /** Takes one of the client's session slots at once (no reservation); false when it has them all in use. */
    public boolean takeSlot(String clientId) {
        return slots.claim(clientId, null);
    }

    /** Gives back a slot taken with {@link #takeSlot} or opened by a WebSocket session. */
    public void releaseSlot(String clientId) {
        slots.release(clientId);
    }

    SessionSlots slots() {
        return slots;
    }

    /** One client's fixed one-minute window: the count resets when a minute has passed since the window opened. */
    private static final class MinuteWindow {
        private long opened;
        private int used;

        MinuteWindow(long now) {
            this.opened = now;
        }

        synchronized Optional<Duration> admit(long now, int limit) {
            if (now - opened >= MINUTE_NANOS) {
                opened = now - (now - opened) % MINUTE_NANOS;
                used = 0;
            }
            if (used < limit) {
                used++;
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos(MINUTE_NANOS - (now - opened)));
        }
    }
}
