package io.penguin.contracts.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.penguin.core.Attribute;
import java.util.List;

/** A frame from the gateway (docs/agent-protocol.md); each is written with its {@code type}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ServerFrame.Hello.class, name = "hello"),
    @JsonSubTypes.Type(value = ServerFrame.Question.class, name = "question"),
    @JsonSubTypes.Type(value = ServerFrame.Delta.class, name = "delta"),
    @JsonSubTypes.Type(value = ServerFrame.Response.class, name = "response"),
    @JsonSubTypes.Type(value = ServerFrame.Error.class, name = "error"),
    @JsonSubTypes.Type(value = ServerFrame.End.class, name = "end")
})
public sealed interface ServerFrame {

    /** What a session may send and how long it may idle, as {@code hello} announces it. */
    record Limits(int maxFrameBytes, int questionBudget, long idleTimeoutSeconds, int messagesPerMinute) {}

    /** The first frame: the protocol version selected, the session's id, its limits. */
    record Hello(String protocol, String sessionId, Limits limits) implements ServerFrame {}

    /** A question about one attribute; {@code questionId} is {@code q1}, {@code q2}, ... within a dialogue. */
    record Question(String questionId, Attribute attribute, String text, int number, int budget)
            implements ServerFrame {}

    /** A piece of the final answer (v2); the pieces joined are the response's text. */
    record Delta(String text) implements ServerFrame {
        @Override
        public String toString() {
            return "Delta[" + text.length() + " chars]";
        }
    }

    /** The final answer of a dialogue, with the attributes asked and answered. */
    record Response(
            String text,
            String model,
            List<Attribute> attributesAsked,
            List<Attribute> attributesAnswered,
            int sufficiency,
            boolean fallback)
            implements ServerFrame {
        @Override
        public String toString() {
            return "Response[model=" + model + ", asked=" + attributesAsked + ", fallback=" + fallback + "]";
        }
    }

    /** A frame refused, with a code and what is wrong; {@code questionId} only where one applies. */
    record Error(
            ErrorCode code,
            String message,
            @JsonInclude(JsonInclude.Include.NON_NULL) String questionId) implements ServerFrame {}

    /** The session is over, and why. */
    record End(EndReason reason) implements ServerFrame {}
}
