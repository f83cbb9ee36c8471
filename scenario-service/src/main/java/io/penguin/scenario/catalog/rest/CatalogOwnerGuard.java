package io.penguin.scenario.catalog.rest;

import io.penguin.scenario.catalog.config.CatalogConfig;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ForbiddenException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Profiles and queries are sensitive, and the catalog decides what every run measures: only the catalog owner reads
 * scenario content or exports, and only the owner writes (imports, generation jobs, which with a model also spend the
 * endpoint's budget). The owner is a client that sends {@code Authorization: Bearer <penguin.catalog.owner-token>},
 * or, when no token is configured, a client on the loopback interface (the {@code penguin} CLI on the service's
 * host). Behind a proxy every client looks local, so a deployment sets the token (the Kubernetes and compose files
 * do). One shared secret, no users or roles: the catalog has one owner; finer access control belongs to the ingress.
 */
@ApplicationScoped
public class CatalogOwnerGuard {

    private final CatalogConfig config;

    public CatalogOwnerGuard(CatalogConfig config) {
        this.config = config;
    }

    public void requireOwner(HttpServerRequest request, String what) {
        if (config.ownerToken().isPresent()) {
            String expected = "Bearer " + config.ownerToken().get();
            String given = request.getHeader("Authorization");
            if (given != null
                    && MessageDigest.isEqual(
                            given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
                return;
            }
            Log.warnf("catalog: %s refused: no valid owner token", what);
            throw new ForbiddenException(
                    what + " is for the catalog owner; send 'Authorization: Bearer <penguin.catalog.owner-token>'");
        }
        if (!isLoopback(request.remoteAddress())) {
            Log.warnf("catalog: %s refused for a non-loopback client", what);
            throw new ForbiddenException(what + " is for the catalog owner; without penguin.catalog.owner-token"
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
