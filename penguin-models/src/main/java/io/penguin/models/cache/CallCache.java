package io.penguin.models.cache;

import io.penguin.models.endpoint.ChatResult;
import java.util.Optional;

/** Replies of model calls by the hash of the full request, so repeated or resumed runs do not pay twice. */
public interface CallCache {

    Optional<ChatResult> get(CacheKey key);

    /** Stores a reply; a second put under the same key keeps the first. */
    void put(CacheKey key, String endpoint, ChatResult result);

    /** No caching: every call goes to the endpoint. */
    CallCache NONE = new CallCache() {
        @Override
        public Optional<ChatResult> get(CacheKey key) {
            return Optional.empty();
        }

        @Override
        public void put(CacheKey key, String endpoint, ChatResult result) {}
    };
}
