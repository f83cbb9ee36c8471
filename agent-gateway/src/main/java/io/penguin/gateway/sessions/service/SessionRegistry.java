package io.penguin.gateway.sessions.service;

import io.penguin.contracts.AgentSessionEvent.Kind;
import io.penguin.contracts.agent.EndReason;
import io.penguin.gateway.config.GatewayConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The open sessions of this gateway, by channel: opened with the slot reserved at the upgrade, forgotten when the
 * connection closes, ended when idle, and all ended politely at shutdown.
 */
@ApplicationScoped
public class SessionRegistry {

    private final Map<String, LiveSession> byChannel = new ConcurrentHashMap<>();
    private final Conversations conversations;
    private final SessionAdmission admission;
    private final SessionAudit audit;
    private final SessionMetrics metrics;
    private final GatewayConfig.Limits limits;
    private final ScheduledExecutorService idleSweep;

    public SessionRegistry(
            Conversations conversations,
            SessionAdmission admission,
            SessionAudit audit,
            SessionMetrics metrics,
            GatewayConfig config) {
        this.conversations = conversations;
        this.admission = admission;
        this.audit = audit;
        this.metrics = metrics;
        this.limits = config.limits();
        metrics.watchOpen(byChannel);
        long sweepMillis = Math.max(100, Math.min(1_000, limits.idleTimeout().toMillis() / 4));
        this.idleSweep = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "agent-idle-sweep");
            thread.setDaemon(true);
            return thread;
        });
        idleSweep.scheduleWithFixedDelay(this::endIdleSessions, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens the session of an upgraded channel with the slot reserved for it and says hello; a channel whose
     * reservation expired and found no free slot is closed with 1008 (policy violation).
     */
    void open(SessionChannel channel, String clientId, String reservation) {
        if (!admission.claim(clientId, reservation)) {
            channel.closeLater(1008, "too many open sessions");
            return;
        }
        LiveSession session =
                new LiveSession("s-" + UUID.randomUUID(), clientId, channel, limits.sessionMessagesPerMinute());
        byChannel.put(channel.id(), session);
        synchronized (session) {
            conversations.hello(session);
        }
        metrics.started();
    }

    /** The session of an open channel, or {@code null}. */
    LiveSession find(String channelId) {
        return byChannel.get(channelId);
    }

    /** The channel is gone (either side closed it): the slot is freed, and an unended session is recorded as ended. */
    void closed(String channelId) {
        LiveSession session = byChannel.remove(channelId);
        if (session == null) {
            return;
        }
        admission.release(session.clientId());
        synchronized (session) {
            if (!session.ended()) {
                session.markEnded();
                audit.record(session, Kind.ENDED, null, "connection-closed");
                metrics.ended("connection-closed");
            }
        }
    }

    int size() {
        return byChannel.size();
    }

    private void endIdleSessions() {
        for (LiveSession session : byChannel.values()) {
            if (session.idleFor(limits.idleTimeout())) {
                synchronized (session) {
                    if (!session.ended() && session.idleFor(limits.idleTimeout())) {
                        try {
                            conversations.end(session, EndReason.IDLE_TIMEOUT);
                        } catch (RuntimeException e) {
                            Log.debugf("session %s: idle end failed: %s", session.sessionId(), e.getMessage());
                        }
                    }
                }
            }
        }
    }

    /**
     * Every open session gets {@code end} (server-shutdown) and a close with status 1001 before the server stops: at
     * the start of the shutdown delay, while connections are still up (readiness is already down, so no new ones
     * come from a load balancer that follows it).
     */
    void shutdown(@Observes ShutdownDelayInitiatedEvent stopping) {
        idleSweep.shutdownNow();
        int ended = 0;
        for (LiveSession session : byChannel.values()) {
            synchronized (session) {
                if (!session.ended()) {
                    try {
                        conversations.end(session, EndReason.SERVER_SHUTDOWN);
                        ended++;
                    } catch (RuntimeException e) {
                        Log.debugf("session %s: shutdown end failed: %s", session.sessionId(), e.getMessage());
                    }
                }
            }
        }
        if (ended > 0) {
            Log.infof("agent gateway stopping: ended %d live sessions", ended);
        }
    }

    @PreDestroy
    void stopSweep() {
        idleSweep.shutdownNow();
    }
}
