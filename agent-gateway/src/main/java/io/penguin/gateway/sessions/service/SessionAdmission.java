package io.penguin.gateway.sessions.service;

import io.penguin.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * Who may open a session and which frames are taken: the client's session slots (reserved at the upgrade, claimed
 * at the open, freed at the close) and the per-client and per-session frame rates.
 */
@ApplicationScoped
public class SessionAdmission {

    /** How long a slot reserved at the upgrade waits for its connection to open before it is freed again. */
    static final Duration UPGRADE_RESERVATION = Duration.ofSeconds(30);

    /** What happens to a frame. */
    enum Verdict {
        ADMITTED,
        /** over a rate: dropped with a {@code rate-limited} error, the session goes on */
        DROPPED,
        /** far over the session's rate: the session ends with {@code flood} */
        FLOOD
    }

    private final SessionSlots slots;
    private final ClientLimits clientLimits;
    private final int framesPerMinute;

    public SessionAdmission(ClientLimits clientLimits, GatewayConfig config) {
        this.clientLimits = clientLimits;
        this.slots = clientLimits.slots();
        this.framesPerMinute = config.limits().sessionMessagesPerMinute();
    }

    /**
     * Reserves one of the client's session slots at the upgrade, atomically: the token to open with, or empty when
     * the client has its maximum of sessions open or reserved.
     */
    public Optional<String> reserve(String clientId) {
        return slots.reserve(clientId);
    }

    /** Claims the slot reserved at the upgrade; false when it expired and no slot is free. */
    boolean claim(String clientId, String reservation) {
        return slots.claim(clientId, reservation);
    }

    void release(String clientId) {
        slots.release(clientId);
    }

    Verdict admit(LiveSession session) {
        if (session.admitFrame()
                && clientLimits.admitMessage(session.clientId()).isEmpty()) {
            return Verdict.ADMITTED;
        }
        return session.countDropped() >= framesPerMinute ? Verdict.FLOOD : Verdict.DROPPED;
    }
}
