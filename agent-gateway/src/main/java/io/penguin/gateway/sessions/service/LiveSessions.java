package io.penguin.gateway.sessions.service;

import io.penguin.contracts.agent.EndReason;
import io.penguin.contracts.agent.ErrorCode;
import io.penguin.gateway.config.GatewayConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * What the transport asks of the live sessions: reserve a slot at the upgrade, open, hand over each frame, close.
 * Each frame is admitted ({@link SessionAdmission}) and then handled by the session's {@link Conversations}, one at a
 * time under the session's monitor; the time it took is the turn latency ({@link SessionMetrics}).
 */
@ApplicationScoped
public class LiveSessions {

    private final SessionRegistry registry;
    private final SessionAdmission admission;
    private final Conversations conversations;
    private final SessionMetrics metrics;
    private final int cutOffBytes;

    public LiveSessions(
            SessionRegistry registry,
            SessionAdmission admission,
            Conversations conversations,
            SessionMetrics metrics,
            GatewayConfig config) {
        this.registry = registry;
        this.admission = admission;
        this.conversations = conversations;
        this.metrics = metrics;
        this.cutOffBytes = config.limits().cutOffBytes();
    }

    /** Reserves one of the client's session slots at the upgrade; empty when it has them all. */
    public Optional<String> reserve(String clientId) {
        return admission.reserve(clientId);
    }

    /** Opens the session of an upgraded channel with the slot reserved for it. */
    public void open(SessionChannel channel, String clientId, String reservation) {
        registry.open(channel, clientId, reservation);
    }

    /** One text frame: admitted, validated, applied to the dialogue, answered. */
    public void receive(String channelId, String raw) {
        LiveSession session = registry.find(channelId);
        if (session == null) {
            return;
        }
        long started = System.nanoTime();
        boolean query = session.awaitsQuery();
        synchronized (session) {
            if (session.ended()) {
                return;
            }
            session.touch();
            SessionAdmission.Verdict verdict = admission.admit(session);
            if (verdict == SessionAdmission.Verdict.ADMITTED) {
                conversations.handle(session, raw);
            } else {
                metrics.dropped();
                if (verdict == SessionAdmission.Verdict.FLOOD) {
                    conversations.end(session, EndReason.FLOOD);
                } else {
                    conversations.error(
                            session, ErrorCode.RATE_LIMITED, "too many frames; this one was dropped, slow down");
                }
                return;
            }
        }
        metrics.turn(query, System.nanoTime() - started);
    }

    /** A binary frame: the protocol is text only. */
    public void receiveBinary(String channelId) {
        LiveSession session = registry.find(channelId);
        if (session == null) {
            return;
        }
        synchronized (session) {
            if (!session.ended()) {
                session.touch();
                conversations.error(
                        session,
                        ErrorCode.MALFORMED_FRAME,
                        "binary frames are not part of the protocol; send JSON text");
            }
        }
    }

    /** Frames over this many bytes end the session with close 1009. */
    public int cutOffBytes() {
        return cutOffBytes;
    }

    /**
     * Ends a session at the transport level (a frame too large, or not UTF-8): the close status says why, as RFC 6455
     * asks; one WARN per case and a counter, never the frame's content.
     */
    public void cutOff(SessionChannel channel, int status, String reason, String detail) {
        metrics.cutOff(reason);
        LiveSession session = registry.find(channel.id());
        Log.warnf("session %s: %s; closing with %d", session == null ? "(none)" : session.sessionId(), detail, status);
        channel.closeLater(status, reason);
    }

    /** The channel is gone (either side closed it). */
    public void closed(String channelId) {
        registry.closed(channelId);
    }

    public int openSessions() {
        return registry.size();
    }

    /** Server-side turn latency so far (all turns, query turns, reply turns) and the sessions open now. */
    public SessionMetrics.SessionStats stats() {
        return metrics.stats(registry.size());
    }
}
