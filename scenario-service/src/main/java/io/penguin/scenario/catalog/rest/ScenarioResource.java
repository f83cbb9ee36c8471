package io.penguin.scenario.catalog.rest;

import io.penguin.scenario.catalog.persistence.ScenarioFilter;
import io.penguin.scenario.catalog.service.ScenarioCatalog;
import io.penguin.scenario.catalog.service.ScenarioFilters;
import io.penguin.service.problem.QueryParameters;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The catalog over HTTP. Listings and single scenarios show taxonomy places, split and source only; the query and
 * profile of a scenario ({@code /scenarios/{id}/content}) are for the catalog owner ({@link CatalogOwnerGuard}).
 */
@Path("/scenarios")
@Produces(MediaType.APPLICATION_JSON)
public class ScenarioResource {

    private final ScenarioCatalog catalog;
    private final CatalogOwnerGuard guard;

    public ScenarioResource(ScenarioCatalog catalog, CatalogOwnerGuard guard) {
        this.catalog = catalog;
        this.guard = guard;
    }

    /**
     * Lists scenarios, filtered (every parameter repeatable, except split and source) and paged: {@code page} from 0,
     * {@code size} 1 to 1000 (default 50); anything else is a 400 naming the parameter.
     */
    @GET
    public ScenarioPage list(
            @QueryParam("domain") List<String> domains,
            @QueryParam("subcategory") List<String> subcategories,
            @QueryParam("issue") List<String> issues,
            @QueryParam("split") String split,
            @QueryParam("source") String source,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        // Read as text: JAX-RS answers an unconvertible int parameter with 404, which says nothing about the mistake.
        ScenarioCatalog.Page found = catalog.page(
                filter(domains, subcategories, issues, split, source),
                QueryParameters.page("page", page, 0),
                QueryParameters.size("size", size, 50));
        return new ScenarioPage(
                found.total(),
                found.page(),
                found.size(),
                found.items().stream().map(ScenarioSummary::of).toList());
    }

    /** Scenarios per domain, with the train/test split, for the same filters as the listing. */
    @GET
    @Path("/counts")
    public List<ScenarioCatalog.DomainCount> counts(
            @QueryParam("domain") List<String> domains,
            @QueryParam("subcategory") List<String> subcategories,
            @QueryParam("issue") List<String> issues,
            @QueryParam("split") String split,
            @QueryParam("source") String source) {
        return catalog.countsPerDomain(filter(domains, subcategories, issues, split, source));
    }

    @GET
    @Path("/{id}")
    public ScenarioSummary get(@PathParam("id") String id) {
        return ScenarioSummary.of(catalog.requireEntity(id));
    }

    /** The full scenario, query and profile included: catalog owner only. */
    @GET
    @Path("/{id}/content")
    public ScenarioContent content(@PathParam("id") String id, @Context HttpServerRequest request) {
        guard.requireOwner(request, "scenario content");
        return QuarkusTransaction.requiringNew().call(() -> ScenarioContent.of(catalog.requireEntity(id)));
    }

    private static ScenarioFilter filter(
            List<String> domains, List<String> subcategories, List<String> issues, String split, String source) {
        return ScenarioFilters.parse(ScenarioFilters.QUERY_PARAMETERS, domains, subcategories, issues, split, source);
    }
}
