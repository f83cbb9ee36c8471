package io.penguin.gateway.sessions.service;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.penguin.agent.dialogue.Agent;
import io.penguin.agent.dialogue.AgentMode;
import io.penguin.agent.dialogue.DialogueException;
import io.penguin.agent.dialogue.Turn;
import io.penguin.contracts.AgentSessionEvent.Kind;
import io.penguin.contracts.agent.ClientFrame;
import io.penguin.contracts.agent.EndReason;
import io.penguin.contracts.agent.ErrorCode;
import io.penguin.contracts.agent.ServerFrame;
import io.penguin.core.Attribute;
import io.penguin.gateway.config.GatewayConfig;
import io.penguin.gateway.sessions.websocket.FrameException;
import io.penguin.gateway.sessions.websocket.Frames;
import io.penguin.models.ModelRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The live sessions of this gateway: opens one per connection, feeds it the client's frames one at a time, enforces
 * the per-client and per-session limits, ends idle sessions, and ends every session politely at shutdown. Bad frames
 * get a typed error frame and the session goes on; only floods, too many errors and internal failures end it.
 */
@ApplicationScoped
public class LiveSessions {

    private final Agent agent;
    private final ModelRegistry models;
    private final SessionAudit audit;
    private final GatewayConfig.Limits limits;
    private final GatewayConfig.Agent agentConfig;
    private final Frames frames;
    private final LiveDefaultModel defaultModel;
    private final Map<String, LiveSession> byConnection = new ConcurrentHashMap<>();
    private final SessionSlots slots;
    private final ClientLimits clientLimits;
    private final ScheduledExecutorService idleSweep;
    private final MeterRegistry meters;
    private final Timer turnLatency;
    private final Timer queryLatency;
    private final Timer replyLatency;
    private final DistributionSummary questionsPerSession;

    public LiveSessions(
            Agent agent,
            ModelRegistry models,
            SessionAudit audit,
            GatewayConfig config,
            LiveDefaultModel defaultModel,
            ClientLimits clientLimits,
            MeterRegistry meters) {
        this.agent = agent;
        this.models = models;
        this.audit = audit;
        this.limits = config.limits();
        this.agentConfig = config.agent();
        AgentMode.parse(agentConfig.defaultMode());
        this.defaultModel = defaultModel;
        this.frames = new Frames(limits.maxFrameBytes(), limits.maxQueryChars(), limits.maxAnswerChars());
        this.clientLimits = clientLimits;
        this.slots = clientLimits.slots();
        this.meters = meters;
        this.turnLatency = turnTimer(meters, "all");
        this.queryLatency = turnTimer(meters, "query");
        this.replyLatency = turnTimer(meters, "reply");
        this.questionsPerSession = DistributionSummary.builder("penguin.agent.questions")
                .description("Questions asked per answered live session")
                .register(meters);
        meters.gaugeMapSize("penguin.agent.sessions.open", List.of(), byConnection);
        long sweepMillis = Math.max(100, Math.min(1_000, limits.idleTimeout().toMillis() / 4));
        this.idleSweep = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "agent-idle-sweep");
            thread.setDaemon(true);
            return thread;
        });
        idleSweep.scheduleWithFixedDelay(this::endIdleSessions, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Characters per delta frame of {@code penguin.agent.v2}. The model layer has no streaming call, so the answer is
     * complete before its first delta; the deltas let a v2 client render it as chat apps do, and will carry the
     * model's own stream once there is one.
     */
    static final int DELTA_CHARS = 24;

    /** How long a slot reserved at the upgrade waits for its connection to open before it is freed again. */
    static final Duration UPGRADE_RESERVATION = Duration.ofSeconds(30);

    /**
     * Reserves one of the client's session slots at the upgrade, atomically: the token to open with, or empty when
     * the client has its maximum of sessions open or reserved.
     */
    public java.util.Optional<String> reserve(String clientId) {
        return slots.reserve(clientId);
    }

    /**
     * Opens the session of an upgraded connection with the slot reserved for it; a connection whose reservation
     * expired and found no free slot is closed with 1008 (policy violation).
     */
    public void open(WebSocketConnection connection, String clientId, String reservation) {
        if (!slots.claim(clientId, reservation)) {
            connection
                    .close(new io.quarkus.websockets.next.CloseReason(1008, "too many open sessions"))
                    .subscribe()
                    .with(done -> {}, failure -> {});
            return;
        }
        LiveSession session =
                new LiveSession("s-" + UUID.randomUUID(), clientId, connection, limits.sessionMessagesPerMinute());
        byConnection.put(connection.id(), session);
        synchronized (session) {
            send(
                    session,
                    new ServerFrame.Hello(
                            session.protocol(),
                            session.sessionId(),
                            new ServerFrame.Limits(
                                    limits.maxFrameBytes(),
                                    agent.settings().questionBudget(),
                                    limits.idleTimeout().toSeconds(),
                                    limits.sessionMessagesPerMinute())));
        }
        meters.counter("penguin.agent.sessions.started").increment();
    }

    /** One text frame: validated, applied to the dialogue, answered; the time it took is the turn latency. */
    public void receive(WebSocketConnection connection, String raw) {
        LiveSession session = byConnection.get(connection.id());
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
            if (!admitted(session)) {
                return;
            }
            try {
                apply(session, frames.parse(raw));
            } catch (FrameException e) {
                error(session, e.code(), e.getMessage(), null);
            } catch (DialogueException e) {
                error(session, ErrorCode.UNEXPECTED_FRAME, e.getMessage(), null);
            } catch (IllegalArgumentException e) {
                error(session, ErrorCode.INVALID_FIELD, e.getMessage(), null);
            } catch (RuntimeException e) {
                Log.errorf(e, "session %s: internal failure", session.sessionId());
                error(session, ErrorCode.INTERNAL, "the gateway failed to handle this frame", null);
                end(session, EndReason.INTERNAL);
            }
        }
        long took = System.nanoTime() - started;
        turnLatency.record(took, TimeUnit.NANOSECONDS);
        (query ? queryLatency : replyLatency).record(took, TimeUnit.NANOSECONDS);
    }

    /** Server-side time from a client frame to the agent's reply, with p50 and p99 over the last 10 minutes. */
    private static Timer turnTimer(MeterRegistry meters, String kind) {
        return Timer.builder("penguin.agent.turn")
                .description("Server-side time from a client frame to the agent's reply (query turns retrieve)")
                .tag("kind", kind)
                .publishPercentiles(0.5, 0.99)
                .distributionStatisticExpiry(Duration.ofMinutes(10))
                .distributionStatisticBufferLength(2)
                .register(meters);
    }

    /** A binary frame: the protocol is text only. */
    public void receiveBinary(WebSocketConnection connection) {
        LiveSession session = byConnection.get(connection.id());
        if (session == null) {
            return;
        }
        synchronized (session) {
            if (!session.ended()) {
                session.touch();
                error(
                        session,
                        ErrorCode.MALFORMED_FRAME,
                        "binary frames are not part of the protocol; send JSON text",
                        null);
            }
        }
    }

    /** Frames over this many bytes end the session with close 1009. */
    public int cutOffBytes() {
        return limits.cutOffBytes();
    }

    /**
     * Ends a session at the transport level (a frame too large, or not UTF-8): the close status says why, as RFC 6455
     * asks; one WARN per case and a counter, never the frame's content.
     */
    public void cutOff(WebSocketConnection connection, int status, String reason, String detail) {
        meters.counter("penguin.agent.frames.cut-off", "reason", reason).increment();
        LiveSession session = byConnection.get(connection.id());
        Log.warnf("session %s: %s; closing with %d", session == null ? "(none)" : session.sessionId(), detail, status);
        connection
                .close(new io.quarkus.websockets.next.CloseReason(status, reason))
                .subscribe()
                .with(done -> {}, failure -> {});
    }

    /** The connection is gone (either side closed it). */
    public void closed(WebSocketConnection connection) {
        LiveSession session = byConnection.remove(connection.id());
        if (session == null) {
            return;
        }
        slots.release(session.clientId());
        synchronized (session) {
            if (!session.ended()) {
                session.markEnded();
                audit.record(session, Kind.ENDED, null, "connection-closed");
                meters.counter("penguin.agent.sessions.ended", "reason", "connection-closed")
                        .increment();
            }
        }
    }

    public int openSessions() {
        return byConnection.size();
    }

    /** Server-side turn latency so far (all turns, query turns, reply turns) and the sessions open now. */
    public SessionStats stats() {
        return new SessionStats(
                byConnection.size(), TurnStats.of(turnLatency), TurnStats.of(queryLatency), TurnStats.of(replyLatency));
    }

    /**
     * Live-session figures.
     *
     * @param openSessions sessions open now
     * @param turns every frame handled
     * @param queries the first turn of each session (embedding and retrieval happen here)
     * @param replies answers, skips, declines and bad frames
     */
    public record SessionStats(int openSessions, TurnStats turns, TurnStats queries, TurnStats replies) {}

    /**
     * Turn latency figures over the last 10 minutes.
     *
     * @param count frames handled (since start)
     * @param p50Millis median
     * @param p99Millis 99th percentile
     * @param maxMillis the slowest
     */
    public record TurnStats(long count, double p50Millis, double p99Millis, double maxMillis) {

        static TurnStats of(Timer timer) {
            var snapshot = timer.takeSnapshot();
            double p50 = Double.NaN;
            double p99 = Double.NaN;
            for (var percentile : snapshot.percentileValues()) {
                if (percentile.percentile() == 0.5) {
                    p50 = percentile.value(TimeUnit.MILLISECONDS);
                } else if (percentile.percentile() == 0.99) {
                    p99 = percentile.value(TimeUnit.MILLISECONDS);
                }
            }
            return new TurnStats(snapshot.count(), p50, p99, snapshot.max(TimeUnit.MILLISECONDS));
        }
    }

    private boolean admitted(LiveSession session) {
        if (session.admitFrame()
                && clientLimits.admitMessage(session.clientId()).isEmpty()) {
            return true;
        }
        meters.counter("penguin.agent.frames.dropped").increment();
        if (session.countDropped() >= limits.sessionMessagesPerMinute()) {
            end(session, EndReason.FLOOD);
        } else {
            error(session, ErrorCode.RATE_LIMITED, "too many frames; this one was dropped, slow down", null);
        }
        return false;
    }

    private void apply(LiveSession session, ClientFrame frame) {
        if (frame instanceof ClientFrame.Query query) {
            start(session, query);
        } else if (frame instanceof ClientFrame.Answer answer) {
            Attribute asked = openAttribute(session, answer.questionId());
            deliver(session, session.dialogue().answer(answer.questionId(), answer.text()), Kind.ANSWERED, asked);
        } else if (frame instanceof ClientFrame.Skip skip) {
            Attribute asked = openAttribute(session, skip.questionId());
            deliver(session, session.dialogue().skip(skip.questionId()), Kind.SKIPPED, asked);
        } else if (frame instanceof ClientFrame.Decline decline) {
            Attribute asked = openAttribute(session, decline.questionId());
            deliver(session, session.dialogue().decline(decline.questionId()), Kind.DECLINED, asked);
        } else {
            end(session, EndReason.CLIENT_ENDED);
        }
    }

    private void start(LiveSession session, ClientFrame.Query query) {
        if (session.dialogue() != null && !session.continuesConversations()) {
            throw new DialogueException("this session already has its query; open a new connection for a new one");
        }
        AgentMode mode;
        try {
            mode = AgentMode.parse(query.modeName().orElse(agentConfig.defaultMode()));
        } catch (IllegalArgumentException e) {
            throw new FrameException(ErrorCode.INVALID_FIELD, "\"mode\": " + e.getMessage());
        }
        String model = query.modelName().orElseGet(defaultModel::name);
        if (!models.hasTarget(model)) {
            throw new FrameException(
                    ErrorCode.INVALID_FIELD, "\"model\": no target model named '" + model + "' is configured");
        }
        // A follow-up (v2, after a response) knows what the user told or withheld and asks none of it again.
        session.begin(
                session.dialogue() == null
                        ? agent.open(mode, models.target(model))
                        : session.dialogue().followUp(mode, models.target(model)));
        audit.record(session, Kind.STARTED, null, model);
        deliver(session, session.dialogue().start(query.text()), null, null);
    }

    /** The attribute of the open question, checked against the frame's question id (for the audit trail). */
    private Attribute openAttribute(LiveSession session, String questionId) {
        if (session.dialogue() == null) {
            throw new DialogueException("no question is open: send the query first");
        }
        Turn.Question open = session.openQuestion();
        return open != null && open.questionId().equals(questionId) ? open.attribute() : null;
    }

    private void deliver(LiveSession session, Turn turn, Kind step, Attribute stepAttribute) {
        if (step != null) {
            audit.record(session, step, stepAttribute, null);
        }
        if (turn instanceof Turn.Question question) {
            session.asked(question);
            send(
                    session,
                    new ServerFrame.Question(
                            question.questionId(),
                            question.attribute(),
                            question.text(),
                            question.number(),
                            question.budget()));
            audit.record(session, Kind.QUESTION_ASKED, question.attribute(), question.questionId());
        } else if (turn instanceof Turn.Answer answer) {
            session.asked(null);
            if (session.streamsAnswers()) {
                for (String piece : TextDeltas.split(answer.text(), DELTA_CHARS)) {
                    send(session, new ServerFrame.Delta(piece));
                }
            }
            send(
                    session,
                    new ServerFrame.Response(
                            answer.text(),
                            answer.model(),
                            answer.asked(),
                            answer.answered(),
                            answer.sufficiency(),
                            answer.fallback()));
            audit.record(
                    session, Kind.RESPONDED, null, answer.fallback() ? "fallback:" + answer.model() : answer.model());
            questionsPerSession.record(answer.asked().size());
            if (!session.continuesConversations()) {
                end(session, EndReason.COMPLETED);
            }
        }
    }

    private void error(LiveSession session, ErrorCode code, String message, String questionId) {
        meters.counter("penguin.agent.frames.rejected", "code", code.id()).increment();
        send(session, new ServerFrame.Error(code, message, questionId));
        audit.record(session, Kind.ERROR, null, code.id());
        if (code != ErrorCode.INTERNAL && session.countError() >= limits.maxErrorsPerSession()) {
            end(session, EndReason.TOO_MANY_ERRORS);
        }
    }

    private void end(LiveSession session, EndReason reason) {
        if (session.ended()) {
            return;
        }
        session.markEnded();
        send(session, new ServerFrame.End(reason));
        audit.record(session, Kind.ENDED, null, reason.id());
        meters.counter("penguin.agent.sessions.ended", "reason", reason.id()).increment();
        try {
            session.connection()
                    .close(new CloseReason(reason.closeStatus(), reason.id()))
                    .await()
                    .atMost(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            Log.debugf("session %s: close failed: %s", session.sessionId(), e.getMessage());
        }
    }

    private void send(LiveSession session, ServerFrame frame) {
        if (session.connection().isOpen()) {
            session.connection().sendText(Frames.write(frame)).await().atMost(Duration.ofSeconds(10));
        }
    }

    private void endIdleSessions() {
        for (LiveSession session : byConnection.values()) {
            if (session.idleFor(limits.idleTimeout())) {
                synchronized (session) {
                    if (!session.ended() && session.idleFor(limits.idleTimeout())) {
                        try {
                            end(session, EndReason.IDLE_TIMEOUT);
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
        for (LiveSession session : byConnection.values()) {
            synchronized (session) {
                if (!session.ended()) {
                    try {
                        end(session, EndReason.SERVER_SHUTDOWN);
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
