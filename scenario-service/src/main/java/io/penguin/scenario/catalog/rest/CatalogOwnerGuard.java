package io.penguin.scenario.catalog.rest;

import io.penguin.service.problem.OwnerAccess;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Profiles and queries are sensitive, and the catalog decides what every run measures: only the catalog owner reads
 * scenario content or exports, and only the owner writes (imports, generation jobs, which with a model also spend the
 * endpoint's budget). Who the owner is ({@code Authorization: Bearer <penguin.catalog.owner-token>}, or loopback
 * without a token) is {@link OwnerAccess}, the rule planner-service applies to the policies it serves too.
 */
@ApplicationScoped
public class CatalogOwnerGuard {

    private final OwnerAccess owner;

    public CatalogOwnerGuard(OwnerAccess owner) {
        this.owner = owner;
    }

    public void requireOwner(HttpServerRequest request, String what) {
        owner.requireOwner(request, "catalog: " + what);
    }
}
