package io.penguin.gateway.sessions.websocket;

import java.util.Optional;

/** A validated frame from the client (protocol {@code penguin.agent.v1}). */
public sealed interface ClientFrame {

    /** The user's question; opens the dialogue. Mode and model are empty when the frame names none. */
    record Query(String text, Optional<String> mode, Optional<String> model) implements ClientFrame {
        @Override
        public String toString() {
            return "Query[mode=" + mode + ", model=" + model + "]";
        }
    }

    record Answer(String questionId, String text) implements ClientFrame {
        @Override
        public String toString() {
            return "Answer[" + questionId + "]";
        }
    }

    record Skip(String questionId) implements ClientFrame {}

    record Decline(String questionId) implements ClientFrame {}

    record End() implements ClientFrame {}
}
