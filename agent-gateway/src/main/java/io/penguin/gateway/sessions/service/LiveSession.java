package io.penguin.gateway.sessions.service;

import dev.failsafe.RateLimiter;
import io.penguin.agent.dialogue.AgentDialogue;
import io.penguin.agent.dialogue.Turn;
import io.penguin.contracts.agent.AgentProtocol;
import java.time.Duration;

/** One client connection and its dialogue. Guarded by its own monitor: frames, the idle sweep and shutdown. */
public final class LiveSession {

    private final String sessionId;
    private final String clientId;
    private final SessionChannel channel;
    private final RateLimiter<Object> frames;
    private AgentDialogue dialogue;
    private Turn.Question openQuestion;
    private int sequence;
    private int errors;
    private int dropped;
    private boolean ended;
    private volatile long lastFrameNanos = System.nanoTime();
    private final String protocol;

    LiveSession(String sessionId, String clientId, SessionChannel channel, int framesPerMinute) {
        this.sessionId = sessionId;
        this.clientId = clientId;
        this.channel = channel;
        String negotiated = channel.protocol();
        this.protocol = AgentProtocol.V2.equals(negotiated) ? AgentProtocol.V2 : AgentProtocol.V1;
        this.frames = RateLimiter.burstyBuilder(framesPerMinute, Duration.ofMinutes(1))
                .build();
    }

    public String sessionId() {
        return sessionId;
    }

    public String clientId() {
        return clientId;
    }

    /** The protocol version the upgrade settled on. */
    String protocol() {
        return protocol;
    }

    /** True when the answer goes out in delta frames before the response ({@code penguin.agent.v2}). */
    boolean streamsAnswers() {
        return AgentProtocol.V2.equals(protocol);
    }

    /** True when the session goes on after a response, for follow-up queries ({@code penguin.agent.v2}). */
    boolean continuesConversations() {
        return AgentProtocol.V2.equals(protocol);
    }

    /** True before the first query, and in v2 after each response. */
    boolean awaitsQuery() {
        return dialogue == null || dialogue.state() == AgentDialogue.State.ANSWERED;
    }

    SessionChannel channel() {
        return channel;
    }

    String modeId() {
        return dialogue == null ? "none" : dialogue.mode().id();
    }

    AgentDialogue dialogue() {
        return dialogue;
    }

    void begin(AgentDialogue dialogue) {
        this.dialogue = dialogue;
    }

    Turn.Question openQuestion() {
        return openQuestion;
    }

    void asked(Turn.Question question) {
        this.openQuestion = question;
    }

    synchronized int nextSequence() {
        return ++sequence;
    }

    int countError() {
        return ++errors;
    }

    /** False when the session sent more frames this minute than a person could; counts the dropped frame. */
    boolean admitFrame() {
        return frames.tryAcquirePermit();
    }

    int countDropped() {
        return ++dropped;
    }

    boolean ended() {
        return ended;
    }

    void markEnded() {
        ended = true;
    }

    void touch() {
        lastFrameNanos = System.nanoTime();
    }

    boolean idleFor(Duration timeout) {
        return System.nanoTime() - lastFrameNanos > timeout.toNanos();
    }
}
