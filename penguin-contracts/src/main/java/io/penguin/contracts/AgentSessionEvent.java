package io.penguin.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.penguin.core.Attribute;
import java.time.Instant;
import java.util.UUID;

/**
 * One step of a live agent session, on {@link Topics#AGENT_SESSIONS}, for audit. Says what happened and about which
 * attribute, never what the user said: no query text, no answer, no response text.
 *
 * @param sessionId the session, also the record key (a session's events stay in order)
 * @param clientId the authenticated client
 * @param sequence the event's position in its session, from 1
 * @param kind what happened
 * @param mode {@code agent} or {@code planner}
 * @param attribute the attribute asked, answered, skipped or declined; null for the other kinds
 * @param detail a machine-readable detail: the error code, the end reason, or the answering model; may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgentSessionEvent(
        UUID eventId,
        String type,
        int schemaVersion,
        Instant occurredAt,
        String sessionId,
        String clientId,
        int sequence,
        Kind kind,
        String mode,
        Attribute attribute,
        String detail)
        implements PenguinEvent {

    public static final String TYPE = "AgentSessionEvent";
    public static final int SCHEMA_VERSION = 1;

    /** What happened in the session. */
    public enum Kind {
        STARTED,
        QUESTION_ASKED,
        ANSWERED,
        SKIPPED,
        DECLINED,
        RESPONDED,
        ERROR,
        ENDED
    }

    public AgentSessionEvent {
        Events.requireEnvelope(eventId, type, TYPE, occurredAt);
        Events.requireText(sessionId, "sessionId");
        Events.requireText(clientId, "clientId");
        Events.requireNonNull(kind, "kind");
        Events.requireText(mode, "mode");
    }

    public static AgentSessionEvent of(
            String sessionId,
            String clientId,
            int sequence,
            Kind kind,
            String mode,
            Attribute attribute,
            String detail) {
        return new AgentSessionEvent(
                UUID.randomUUID(),
                TYPE,
                SCHEMA_VERSION,
                Instant.now(),
                sessionId,
                clientId,
                sequence,
                kind,
                mode,
                attribute,
                detail);
    }

    @Override
    public String key() {
        return sessionId;
    }
}
