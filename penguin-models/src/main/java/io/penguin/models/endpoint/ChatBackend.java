package io.penguin.models.endpoint;

/** One attempt of a chat call against a provider: no retries, no limits (those are {@link ModelEndpoint}'s). */
public interface ChatBackend {

    /** Makes one attempt; throws on any failure, with the provider's status in the cause chain when there is one. */
    ChatResult attempt(ChatCall call);
}
