package io.penguin.fakellm;

import java.time.Duration;

/**
 * What the fake server does with one request.
 *
 * @param kind the outcome
 * @param content the assistant message for {@link Kind#OK}, else unused
 * @param status the HTTP status for {@link Kind#STATUS}
 * @param retryAfter the {@code Retry-After} header for {@link Kind#STATUS}, or null for none
 * @param hang how long {@link Kind#HANG} holds the connection before it answers
 */
public record FakeReply(Kind kind, String content, int status, Duration retryAfter, Duration hang) {

    /** The outcomes the fake server can produce. */
    public enum Kind {
        /** 200 with a chat completion carrying {@code content}. */
        OK,
        /** An error status, with {@code Retry-After} when set. */
        STATUS,
        /** 200 with a body that is not a chat completion. */
        MALFORMED,
        /** Hold the connection for {@code hang}, then answer 200: the client's timeout decides. */
        HANG
    }

    public static FakeReply ok(String content) {
        return new FakeReply(Kind.OK, content, 200, null, null);
    }

    public static FakeReply status(int status) {
        return new FakeReply(Kind.STATUS, null, status, null, null);
    }

    public static FakeReply rateLimited(Duration retryAfter) {
        return new FakeReply(Kind.STATUS, null, 429, retryAfter, null);
    }

    public static FakeReply malformed() {
        return new FakeReply(Kind.MALFORMED, null, 200, null, null);
    }

    public static FakeReply hang(Duration hang) {
        return new FakeReply(Kind.HANG, null, 200, null, hang);
    }
}
