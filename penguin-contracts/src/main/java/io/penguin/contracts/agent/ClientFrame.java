package io.penguin.contracts.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Optional;

/** A frame from the client (docs/agent-protocol.md); each is written with its {@code type}. Prints no user text. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ClientFrame.Query.class, name = "query"),
    @JsonSubTypes.Type(value = ClientFrame.Answer.class, name = "answer"),
    @JsonSubTypes.Type(value = ClientFrame.Skip.class, name = "skip"),
    @JsonSubTypes.Type(value = ClientFrame.Decline.class, name = "decline"),
    @JsonSubTypes.Type(value = ClientFrame.End.class, name = "end")
})
public sealed interface ClientFrame {

    /**
     * The user's question: opens a dialogue (in v2 also a follow-up after a response).
     *
     * @param text the question, 1-2,000 characters
     * @param mode {@code planner} or {@code agent}; {@code null}: the gateway's default
     * @param model a configured target model; {@code null}: the gateway's default
     */
    record Query(
            String text,
            @JsonInclude(JsonInclude.Include.NON_NULL) String mode,
            @JsonInclude(JsonInclude.Include.NON_NULL) String model)
            implements ClientFrame {

        public Query(String text) {
            this(text, null, null);
        }

        public Optional<String> modeName() {
            return Optional.ofNullable(mode);
        }

        public Optional<String> modelName() {
            return Optional.ofNullable(model);
        }

        @Override
        public String toString() {
            return "Query[mode=" + mode + ", model=" + model + "]";
        }
    }

    /** The user's free-text answer to the open question (data, never instructions). */
    record Answer(String questionId, String text) implements ClientFrame {
        @Override
        public String toString() {
            return "Answer[" + questionId + "]";
        }
    }

    /** The user moves on; the attribute is not asked again. */
    record Skip(String questionId) implements ClientFrame {}

    /** The user will not share this; the attribute is not asked again. */
    record Decline(String questionId) implements ClientFrame {}

    /** The user leaves. */
    record End() implements ClientFrame {}
}
