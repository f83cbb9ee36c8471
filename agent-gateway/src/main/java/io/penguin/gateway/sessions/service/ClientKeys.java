package io.penguin.gateway.sessions.service;

import io.penguin.gateway.config.GatewayConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who a presented API key belongs to. The configuration holds each client's key as a SHA-256 digest, so neither the
 * configuration nor a heap dump holds a key in clear; keys are never logged.
 */
@Startup
@ApplicationScoped
public class ClientKeys {

    /** The client of every session when authentication is off ({@code penguin.gateway.auth.mode=none}). */
    public static final String ANONYMOUS = "anonymous";

    private static final String BEARER_PROTOCOL_PREFIX = "bearer.";

    private final boolean required;
    private final Map<String, String> clientByDigest = new HashMap<>();

    public ClientKeys(GatewayConfig config) {
        String mode = config.auth().mode().trim().toLowerCase(Locale.ROOT);
        if (!mode.equals("api-key") && !mode.equals("none")) {
            throw new IllegalArgumentException("penguin.gateway.auth.mode must be api-key or none, was '"
                    + config.auth().mode() + "'");
        }
        this.required = mode.equals("api-key");
        config.auth().clients().forEach((client, settings) -> {
            String digest = settings.keySha256().trim().toLowerCase(Locale.ROOT);
            if (!digest.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("penguin.gateway.auth.clients." + client
                        + ".key-sha256 must be 64 hex digits (sha256sum of the key)");
            }
            clientByDigest.put(digest, client);
        });
        if (required && !clientByDigest.isEmpty()) {
            Log.infof("agent gateway: %d API clients configured", clientByDigest.size());
        }
        if (required && clientByDigest.isEmpty()) {
            Log.warn("agent gateway: authentication is on and no client is configured"
                    + " (penguin.gateway.auth.clients.<id>.key-sha256); every WebSocket upgrade will be refused");
        }
        if (!required) {
            Log.warn("agent gateway: authentication is OFF (penguin.gateway.auth.mode=none); local development only");
        }
    }

    /**
     * The client a handshake authenticates as: the key from {@code Authorization: Bearer <key>}, or from a
     * {@code bearer.<key>} subprotocol entry (browsers cannot set headers on a WebSocket).
     *
     * @param authorization the Authorization header, may be null
     * @param subprotocols the Sec-WebSocket-Protocol header values, may be empty
     */
    public Optional<String> authenticate(String authorization, List<String> subprotocols) {
        if (!required) {
            return Optional.of(ANONYMOUS);
        }
        return presentedKey(authorization, subprotocols).map(ClientKeys::sha256).map(clientByDigest::get);
    }

    public static String sha256(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static Optional<String> presentedKey(String authorization, List<String> subprotocols) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String key = authorization.substring(7).trim();
            if (!key.isEmpty()) {
                return Optional.of(key);
            }
        }
        for (String header : subprotocols) {
            for (String entry : header.split(",")) {
                String protocol = entry.trim();
                if (protocol.startsWith(BEARER_PROTOCOL_PREFIX)
                        && protocol.length() > BEARER_PROTOCOL_PREFIX.length()) {
                    return Optional.of(protocol.substring(BEARER_PROTOCOL_PREFIX.length()));
                }
            }
        }
        return Optional.empty();
    }
}
