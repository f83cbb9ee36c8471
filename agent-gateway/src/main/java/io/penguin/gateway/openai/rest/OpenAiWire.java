package io.penguin.gateway.openai.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.penguin.agent.dialogue.Turn;
import io.penguin.core.Attribute;
import java.util.List;

/** The JSON the endpoint writes, in OpenAI's shapes, plus the {@code penguin} extension object. */
final class OpenAiWire {

    private OpenAiWire() {}

    static final String FINISHED = "stop";

    record ChatCompletion(
            String id,
            String object,
            long created,
            String model,
            List<Choice> choices,
            Usage usage,
            PenguinTurn penguin) {

        ChatCompletion(String id, long created, String model, String content, Usage usage, PenguinTurn penguin) {
            this(
                    id,
                    "chat.completion",
                    created,
                    model,
                    List.of(new Choice(0, new Message("assistant", content), null, FINISHED)),
                    usage,
                    penguin);
        }
    }

    record Choice(
            int index,
            Message message,
            Object logprobs,
            @JsonProperty("finish_reason") String finishReason) {}

    record Message(String role, String content) {}

    record Usage(
            @JsonProperty("prompt_tokens") int promptTokens,
            @JsonProperty("completion_tokens") int completionTokens,
            @JsonProperty("total_tokens") int totalTokens) {

        static Usage of(int prompt, int completion) {
            return new Usage(prompt, completion, prompt + completion);
        }
    }

    /** One server-sent event of a streamed completion; {@code usage} and {@code penguin} only where they belong. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Chunk(
            String id,
            String object,
            long created,
            String model,
            List<ChunkChoice> choices,
            Usage usage,
            PenguinTurn penguin) {

        Chunk(String id, long created, String model, List<ChunkChoice> choices, Usage usage, PenguinTurn penguin) {
            this(id, "chat.completion.chunk", created, model, choices, usage, penguin);
        }
    }

    /** The chunks of one streamed completion, which all carry its id, creation time and model. */
    record ChunkStream(String id, long created, String model) {

        /** The first chunk: the assistant's role, no content yet. */
        Chunk role() {
            return choice(new Delta("assistant", ""), null, null);
        }

        /** A piece of the message's content. */
        Chunk content(String piece) {
            return choice(new Delta(null, piece), null, null);
        }

        /** The finishing chunk: an empty delta, {@code finish_reason} and the turn's {@code penguin} object. */
        Chunk finished(PenguinTurn penguin) {
            return choice(new Delta(null, null), FINISHED, penguin);
        }

        /** The usage chunk {@code stream_options.include_usage} asks for: no choices, the turn's tokens. */
        Chunk usage(Usage usage) {
            return new Chunk(id, created, model, List.of(), usage, null);
        }

        private Chunk choice(Delta delta, String finishReason, PenguinTurn penguin) {
            return new Chunk(id, created, model, List.of(new ChunkChoice(0, delta, null, finishReason)), null, penguin);
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ChunkChoice(
            int index,
            Delta delta,
            Object logprobs,
            @JsonProperty("finish_reason") String finishReason) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Delta(String role, String content) {}

    record ModelList(String object, List<ModelCard> data) {
        ModelList(List<ModelCard> data) {
            this("list", data);
        }
    }

    record ModelCard(
            String id,
            String object,
            long created,
            @JsonProperty("owned_by") String ownedBy) {
        ModelCard(String id) {
            this(id, "model", 0, "penguin");
        }
    }

    record ErrorResponse(ErrorDetail error) {}

    /** OpenAI's error object: every field present, {@code param} and {@code code} null when they do not apply. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ErrorDetail(String message, String type, String param, String code) {}

    /**
     * The extension object: what the agent did this turn, for a client that shows questions differently from answers.
     * A question names its id, attribute, number and the budget; an answer names the model that gave it, the
     * attributes asked and answered since the query, the last sufficiency rating and whether the offline responder
     * stood in for the target model.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PenguinTurn(
            String kind,
            String questionId,
            Attribute attribute,
            Integer number,
            Integer budget,
            String model,
            List<Attribute> attributesAsked,
            List<Attribute> attributesAnswered,
            Integer sufficiency,
            Boolean fallback) {

        static PenguinTurn of(Turn turn) {
            if (turn instanceof Turn.Question question) {
                return new PenguinTurn(
                        "question",
                        question.questionId(),
                        question.attribute(),
                        question.number(),
                        question.budget(),
                        null,
                        null,
                        null,
                        null,
                        null);
            }
            Turn.Answer answer = (Turn.Answer) turn;
            return new PenguinTurn(
                    "answer",
                    null,
                    null,
                    null,
                    null,
                    answer.model(),
                    answer.asked(),
                    answer.answered(),
                    answer.sufficiency(),
                    answer.fallback());
        }
    }
}
