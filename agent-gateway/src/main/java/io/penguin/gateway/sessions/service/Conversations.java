package io.penguin.gateway.sessions.service;

import io.penguin.agent.dialogue.Agent;
import io.penguin.agent.dialogue.AgentDialogue;
import io.penguin.agent.dialogue.AgentMode;
import io.penguin.agent.dialogue.DialogueException;
import io.penguin.agent.dialogue.Turn;
import io.penguin.agent.retrieval.RetrievalUnavailableException;
import io.penguin.contracts.AgentSessionEvent.Kind;
import io.penguin.contracts.agent.ClientFrame;
import io.penguin.contracts.agent.EndReason;
import io.penguin.contracts.agent.ErrorCode;
import io.penguin.contracts.agent.ServerFrame;
import io.penguin.core.Attribute;
import io.penguin.gateway.config.GatewayConfig;
import io.penguin.models.ModelRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Drives a session's dialogues: reads each admitted frame, applies it to the dialogue and sends the agent's turn
 * (question, or the answer, in v2 streamed as the target model makes it and followed by the next query of the
 * conversation). Bad frames get a typed
 * error frame and the session goes on; too many errors and internal failures end it. Callers hold the session's
 * monitor.
 */
@ApplicationScoped
public class Conversations {

    /**
     * The most characters per delta frame of {@code penguin.agent.v2}: the target model's pieces are relayed as they
     * come, a longer one (the reference models give their answer in one piece) cut into frames of about this size.
     */
    static final int DELTA_CHARS = 24;

    private final Agent agent;
    private final ModelRegistry models;
    private final SessionAudit audit;
    private final SessionMetrics metrics;
    private final LiveDefaultModel defaultModel;
    private final GatewayConfig.Limits limits;
    private final String defaultMode;
    private final FrameReader frames;

    public Conversations(
            Agent agent,
            ModelRegistry models,
            SessionAudit audit,
            SessionMetrics metrics,
            LiveDefaultModel defaultModel,
            GatewayConfig config) {
        this.agent = agent;
        this.models = models;
        this.audit = audit;
        this.metrics = metrics;
        this.defaultModel = defaultModel;
        this.limits = config.limits();
        this.defaultMode = config.agent().defaultMode();
        AgentMode.parse(defaultMode);
        this.frames = new FrameReader(limits.maxFrameBytes(), limits.maxQueryChars(), limits.maxAnswerChars());
    }

    /** The first frame of a session: the protocol selected, the session id, the limits. */
    void hello(LiveSession session) {
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

    /** One admitted text frame: validated, applied to the dialogue, answered. */
    void handle(LiveSession session, String raw) {
        try {
            apply(session, frames.parse(raw));
        } catch (FrameException e) {
            error(session, e.code(), e.getMessage());
        } catch (DialogueException e) {
            error(session, ErrorCode.UNEXPECTED_FRAME, e.getMessage());
        } catch (IllegalArgumentException e) {
            error(session, ErrorCode.INVALID_FIELD, e.getMessage());
        } catch (RetrievalUnavailableException e) {
            // not the client's fault: the session stays as it was before the query, which may be sent again
            Log.errorf(e, "session %s: retrieval unavailable", session.sessionId());
            error(session, ErrorCode.UNAVAILABLE, e.getMessage() + "; send the query again later");
        } catch (RuntimeException e) {
            Log.errorf(e, "session %s: internal failure", session.sessionId());
            error(session, ErrorCode.INTERNAL, "the gateway failed to handle this frame");
            end(session, EndReason.INTERNAL);
        }
    }

    /** A typed error frame; after {@code max-errors-per-session} of them the session ends. */
    void error(LiveSession session, ErrorCode code, String message) {
        metrics.rejected(code);
        send(session, new ServerFrame.Error(code, message, null));
        audit.record(session, Kind.ERROR, null, code.id());
        if (code.clientsFault() && session.countError() >= limits.maxErrorsPerSession()) {
            end(session, EndReason.TOO_MANY_ERRORS);
        }
    }

    /** Sends {@code end} and closes with the reason's status; a session ends once. */
    void end(LiveSession session, EndReason reason) {
        if (session.ended()) {
            return;
        }
        session.markEnded();
        send(session, new ServerFrame.End(reason));
        audit.record(session, Kind.ENDED, null, reason.id());
        metrics.ended(reason);
        try {
            session.channel().close(reason.closeStatus(), reason.id());
        } catch (RuntimeException e) {
            Log.debugf("session %s: close failed: %s", session.sessionId(), e.getMessage());
        }
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
            mode = AgentMode.parse(query.modeName().orElse(defaultMode));
        } catch (IllegalArgumentException e) {
            throw new FrameException(ErrorCode.INVALID_FIELD, "\"mode\": " + e.getMessage());
        }
        String model = query.modelName().orElseGet(defaultModel::name);
        if (!models.hasTarget(model)) {
            throw new FrameException(
                    ErrorCode.INVALID_FIELD, "\"model\": no target model named '" + model + "' is configured");
        }
        // A follow-up (v2, after a response) knows what the user told or withheld and asks none of it again.
        AgentDialogue next = session.dialogue() == null
                ? agent.open(mode, models.target(model))
                : session.dialogue().followUp(mode, models.target(model));
        if (session.streamsAnswers()) {
            next.streamAnswerTo(piece -> {
                for (String frame : TextDeltas.split(piece, DELTA_CHARS)) {
                    send(session, new ServerFrame.Delta(frame));
                }
            });
        }
        // the session takes the dialogue once it has started: a query that fails (retrieval down) leaves it as it was
        Turn first = next.start(query.text());
        session.begin(next);
        audit.record(session, Kind.STARTED, null, model);
        deliver(session, first, null, null);
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
            // in v2 the answer's delta frames went out while the target made it (streamAnswerTo, at the query)
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
            metrics.answered(answer.asked().size());
            if (!session.continuesConversations()) {
                end(session, EndReason.COMPLETED);
            }
        }
    }

    private void send(LiveSession session, ServerFrame frame) {
        session.channel().send(frame);
    }
}
