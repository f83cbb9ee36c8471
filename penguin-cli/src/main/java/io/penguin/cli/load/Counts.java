package io.penguin.cli.load;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts by key (failures by type, dead letters by topic, items by second), safe to add to from any thread. */
public final class Counts<K extends Comparable<K>> {

    private final Map<K, LongAdder> counts = new ConcurrentHashMap<>();

    public void add(K key) {
        counts.computeIfAbsent(key, ignored -> new LongAdder()).increment();
    }

    public long get(K key) {
        LongAdder count = counts.get(key);
        return count == null ? 0 : count.sum();
    }

    /** The counts so far, in key order. */
    public Map<K, Long> sorted() {
        Map<K, Long> result = new LinkedHashMap<>();
        new TreeMap<>(counts).forEach((key, count) -> result.put(key, count.sum()));
        return result;
    }
}
