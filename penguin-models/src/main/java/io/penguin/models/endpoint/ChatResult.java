package io.penguin.models.endpoint;

/**
 * A successful chat call.
 *
 * @param text the assistant message
 * @param promptTokens as the endpoint reported them (estimated when it reported none)
 * @param completionTokens as the endpoint reported them (estimated when it reported none)
 * @param latencyMillis wall time from the call to the reply, waits and retries included; 0 for a cache hit
 * @param attempts HTTP attempts made; 0 for a cache hit
 * @param cached whether the reply came from the cache
 */
public record ChatResult(
        String text, int promptTokens, int completionTokens, long latencyMillis, int attempts, boolean cached) {

    public ChatResult asCached() {
        return new ChatResult(text, promptTokens, completionTokens, 0, 0, true);
    }

    public ChatResult after(long latencyMillis, int attempts) {
        return new ChatResult(text, promptTokens, completionTokens, latencyMillis, attempts, cached);
    }

    @Override
    public String toString() {
        return "ChatResult[" + text.length() + " chars, tokens " + promptTokens + "+" + completionTokens + ", "
                + latencyMillis + " ms, attempts " + attempts + ", cached " + cached + "]";
    }
}
