package io.penguin.service.problem;

import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ForbiddenException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may read profiles and queries: the catalog owner. That is a client sending {@code Authorization: Bearer
 * <penguin.catalog.owner-token>}, or, when no token is configured, a client on the loopback interface (the
 * {@code penguin} CLI or the embedded platform on the same host). Behind a proxy every client looks local, so a
 * deployment sets the token. One shared secret and no roles: the catalog has one owner; finer access control belongs
 * to the ingress. Every service that serves query or profile text (the catalog, the planner's policies) asks this
 * one rule, so they cannot drift apart.
 */
@ApplicationScoped
public class OwnerAccess {

    static final String TOKEN_PROPERTY = "penguin.catalog.owner-token";

    private final Optional<byte[]> expected;

    public OwnerAccess(@ConfigProperty(name = TOKEN_PROPERTY) Optional<String> token) {
        this.expected = token.filter(value -> !value.isBlank())
                .map(value -> ("Bearer " + value).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns when the request comes from the owner; otherwise throws a {@link ForbiddenException} (a 403 problem)
     * that says how to become one.
     *
     * @param what what the request asks for, as the refusal names it ("scenario content", "export")
     */
    public void requireOwner(HttpServerRequest request, String what) {
        if (expected.isPresent()) {
            String given = request.getHeader("Authorization");
            // Constant-time comparison: the token must not leak through response timing.
            if (given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.get())) {
                return;
            }
            Log.warnf("%s refused: no valid owner token", what);
            throw new ForbiddenException(
                    what + " is for the catalog owner; send 'Authorization: Bearer <" + TOKEN_PROPERTY + ">'");
        }
        if (!isLoopback(request.remoteAddress())) {
            Log.warnf("%s refused for a non-loopback client", what);
            throw new ForbiddenException(what + " is for the catalog owner; without " + TOKEN_PROPERTY
                    + " configured it is open to loopback clients only");
        }
    }

    private static boolean isLoopback(SocketAddress address) {
        if (address == null || address.hostAddress() == null) {
            return false;
        }
        try {
            return InetAddress.getByName(address.hostAddress()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
