package io.penguin.gateway.openai.service;

import java.util.List;

/**
 * A validated chat completion request. Prints no content.
 *
 * @param model the target model that answers
 * @param messages the conversation so far, the last one from the user
 * @param stream whether the reply goes out as server-sent events
 * @param includeUsage whether a stream ends with a chunk carrying the usage ({@code stream_options.include_usage})
 */
public record ChatRequest(String model, List<ChatMessage> messages, boolean stream, boolean includeUsage) {

    public ChatRequest {
        messages = List.copyOf(messages);
    }

    @Override
    public String toString() {
        return "ChatRequest[model=" + model + ", " + messages.size() + " messages, stream=" + stream + "]";
    }
}
