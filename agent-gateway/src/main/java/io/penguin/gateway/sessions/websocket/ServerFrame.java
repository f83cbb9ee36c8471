package io.penguin.gateway.sessions.websocket;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.penguin.core.Attribute;
import java.util.List;

/** The frames the gateway sends (protocol {@code penguin.agent.v1}); each serializes with its {@code type}. */
public sealed interface ServerFrame {

    String PROTOCOL = "penguin.agent.v1";

    /** v1 plus the final answer in {@code delta} frames before the complete {@code response}. */
    String PROTOCOL_V2 = "penguin.agent.v2";

    String type();

    record Limits(int maxFrameBytes, int questionBudget, long idleTimeoutSeconds, int messagesPerMinute) {}

    record Hello(String type, String protocol, String sessionId, Limits limits) implements ServerFrame {
        public Hello(String sessionId, Limits limits) {
            this("hello", PROTOCOL, sessionId, limits);
        }

        public Hello(String protocol, String sessionId, Limits limits) {
            this("hello", protocol, sessionId, limits);
        }
    }

    /** A piece of the final answer ({@code penguin.agent.v2}); the pieces joined are the response's text. */
    record Delta(String type, String text) implements ServerFrame {
        public Delta(String text) {
            this("delta", text);
        }

        @Override
        public String toString() {
            return "Delta[" + text.length() + " chars]";
        }
    }

    record Question(String type, String questionId, Attribute attribute, String text, int number, int budget)
            implements ServerFrame {
        public Question(String questionId, Attribute attribute, String text, int number, int budget) {
            this("question", questionId, attribute, text, number, budget);
        }
    }

    record Response(
            String type,
            String text,
            String model,
            List<Attribute> attributesAsked,
            List<Attribute> attributesAnswered,
            int sufficiency,
            boolean fallback)
            implements ServerFrame {
        public Response(
                String text,
                String model,
                List<Attribute> attributesAsked,
                List<Attribute> attributesAnswered,
                int sufficiency,
                boolean fallback) {
            this("response", text, model, attributesAsked, attributesAnswered, sufficiency, fallback);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Error(String type, ErrorCode code, String message, String questionId) implements ServerFrame {
        public Error(ErrorCode code, String message, String questionId) {
            this("error", code, message, questionId);
        }
    }

    record End(String type, EndReason reason) implements ServerFrame {
        public End(EndReason reason) {
            this("end", reason);
        }
    }
}
