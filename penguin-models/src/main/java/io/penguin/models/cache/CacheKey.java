package io.penguin.models.cache;

import io.penguin.models.endpoint.ChatCall;
import io.penguin.models.endpoint.EndpointSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of everything that decides a reply: where (provider, base URL), which model, the sampling parameters
 * (temperature, completion limit, seed), the requested output shape and every message. Two calls share a key
 * exactly when they send the same request. The hash carries no profile text.
 */
public record CacheKey(String sha256) {

    private static final String VERSION = "penguin-cache-v1";

    public static CacheKey of(EndpointSettings endpoint, ChatCall call) {
        StringBuilder canonical = new StringBuilder(VERSION);
        field(canonical, endpoint.provider());
        field(canonical, endpoint.baseUrl());
        field(canonical, endpoint.model());
        field(canonical, String.valueOf(endpoint.temperature()));
        field(canonical, String.valueOf(endpoint.maxTokens()));
        field(canonical, String.valueOf(endpoint.seed()));
        field(canonical, String.valueOf(endpoint.jsonSchemaSupported()));
        field(canonical, String.valueOf(call.output()));
        if (call.sampling() != null) {
            // Only present when a call overrides the endpoint's sampling, so existing keys stay valid.
            field(
                    canonical,
                    "sampling " + call.sampling().temperature() + " "
                            + call.sampling().seed());
        }
        for (ChatCall.Message message : call.messages()) {
            field(canonical, message.role().name());
            field(canonical, message.content());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return new CacheKey(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Length-prefixed, so no two different field lists give the same text. */
    private static void field(StringBuilder canonical, String value) {
        canonical.append('\n').append(value.length()).append(':').append(value);
    }
}
