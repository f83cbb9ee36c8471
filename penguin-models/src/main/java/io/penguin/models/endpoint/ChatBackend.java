package io.penguin.models.endpoint;

import java.util.function.Consumer;

/** One attempt of a chat call against a provider: no retries, no limits (those are {@link ModelEndpoint}'s). */
public interface ChatBackend {

    /** Makes one attempt; throws on any failure, with the provider's status in the cause chain when there is one. */
    ChatResult attempt(ChatCall call);

    /**
     * Makes one streamed attempt of a free-text call: each piece of the assistant's text goes to {@code deltas} as
     * the provider sends it; the result carries the whole text. A provider without a stream sends its reply as one
     * piece.
     */
    default ChatResult stream(ChatCall call, Consumer<String> deltas) {
        ChatResult result = attempt(call);
        deltas.accept(result.text());
        return result;
    }
}
