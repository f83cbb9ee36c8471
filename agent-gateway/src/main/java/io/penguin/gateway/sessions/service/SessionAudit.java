package io.penguin.gateway.sessions.service;

import io.penguin.contracts.AgentSessionEvent;
import io.penguin.contracts.Events;
import io.penguin.core.Attribute;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes each step of a live session to {@code penguin.agent.sessions}, keyed by session id: what happened and
 * about which attribute, never what the user said. Fire and forget: a turn never waits for the audit trail.
 */
@ApplicationScoped
public class SessionAudit {

    private final MutinyEmitter<Record<String, String>> events;

    public SessionAudit(
            @Channel("session-events") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                    MutinyEmitter<Record<String, String>> events) {
        this.events = events;
    }

    public void record(LiveSession session, AgentSessionEvent.Kind kind, Attribute attribute, String detail) {
        AgentSessionEvent event = AgentSessionEvent.of(
                session.sessionId(),
                session.clientId(),
                session.nextSequence(),
                kind,
                session.modeId(),
                attribute,
                detail);
        events.send(Record.of(event.key(), Events.encode(event)))
                .subscribe()
                .with(
                        sent -> {},
                        failure -> Log.warnf(
                                "session %s: audit event %s not published: %s",
                                session.sessionId(), kind, failure.getMessage()));
    }
}
