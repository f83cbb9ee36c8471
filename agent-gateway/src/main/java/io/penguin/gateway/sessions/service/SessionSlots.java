package io.penguin.gateway.sessions.service;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The per-client session limit. Checking at the upgrade and counting at the open were two steps, so concurrent
 * upgrades all passed the check before any was counted (300 at once with one key were accepted against a limit of
 * 200). Here the upgrade reserves a slot in one atomic step, the open claims it, the close frees it; a reservation
 * whose upgrade never completed (the client went away mid-handshake) expires, so no path leaks a slot.
 */
final class SessionSlots {

    private final int max;
    private final long reservationNanos;
    private final LongSupplier clock;
    private final Map<String, Client> byClient = new ConcurrentHashMap<>();

    /** One client's open sessions and pending reservations; only touched inside {@link Map#compute}. */
    private static final class Client {
        int open;
        final Map<String, Long> pending = new HashMap<>();

        boolean idle() {
            return open == 0 && pending.isEmpty();
        }
    }

    SessionSlots(int max, Duration reservation, LongSupplier clock) {
        this.max = max;
        this.reservationNanos = reservation.toNanos();
        this.clock = clock;
    }

    /** A reservation token when the client has a free slot, atomically taken; empty when it has none. */
    Optional<String> reserve(String clientId) {
        String token = UUID.randomUUID().toString();
        boolean[] reserved = {false};
        byClient.compute(clientId, (id, client) -> {
            Client slots = client == null ? new Client() : client;
            long now = clock.getAsLong();
            slots.pending.values().removeIf(expiry -> expiry - now < 0);
            if (slots.open + slots.pending.size() < max) {
                slots.pending.put(token, now + reservationNanos);
                reserved[0] = true;
            }
            return slots.idle() ? null : slots;
        });
        return reserved[0] ? Optional.of(token) : Optional.empty();
    }

    /**
     * Turns a reservation into an open session. An expired reservation still opens when a slot is free; false when
     * it expired and the client is at its limit.
     */
    boolean claim(String clientId, String token) {
        boolean[] claimed = {false};
        byClient.compute(clientId, (id, client) -> {
            Client slots = client == null ? new Client() : client;
            if (token != null && slots.pending.remove(token) != null) {
                slots.open++;
                claimed[0] = true;
            } else if (slots.open + slots.pending.size() < max) {
                slots.open++;
                claimed[0] = true;
            }
            return slots.idle() ? null : slots;
        });
        return claimed[0];
    }

    /** An open session of the client ended. */
    void release(String clientId) {
        byClient.computeIfPresent(clientId, (id, slots) -> {
            slots.open = Math.max(0, slots.open - 1);
            return slots.idle() ? null : slots;
        });
    }

    /** Open sessions of a client (reservations not counted). */
    int open(String clientId) {
        Client slots = byClient.get(clientId);
        return slots == null ? 0 : slots.open;
    }
}
