package io.penguin.models.cache;

import io.penguin.models.endpoint.ChatResult;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A cache for one process: not persistent, not shared. For tests and for a service without a cache database. */
public final class InMemoryCallCache implements CallCache {

    private final Map<CacheKey, ChatResult> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<ChatResult> get(CacheKey key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public void put(CacheKey key, String endpoint, ChatResult result) {
        entries.putIfAbsent(key, result);
    }

    public int size() {
        return entries.size();
    }
}
