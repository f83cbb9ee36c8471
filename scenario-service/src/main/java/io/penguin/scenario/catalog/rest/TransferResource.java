package io.penguin.scenario.catalog.rest;

import io.penguin.catalog.formats.ScenarioFormat;
import io.penguin.scenario.catalog.persistence.ScenarioFilter;
import io.penguin.scenario.catalog.service.ExportService;
import io.penguin.scenario.catalog.service.ScenarioFilters;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;

/**
 * Export of catalog files. It reveals profiles and queries, so it is for the catalog owner ({@link CatalogOwnerGuard}).
 * Import is {@link ImportRoute}, which streams the request body instead of holding it.
 */
@Path("/catalog")
public class TransferResource {

    private final ExportService exports;
    private final CatalogOwnerGuard guard;

    public TransferResource(ExportService exports, CatalogOwnerGuard guard) {
        this.exports = exports;
        this.guard = guard;
    }

    /** Streams the catalog, or the part matching the filters, in a file format: catalog owner only. */
    @GET
    @Path("/exports")
    public Response export(
            @QueryParam("format") String format,
            @QueryParam("domain") List<String> domains,
            @QueryParam("subcategory") List<String> subcategories,
            @QueryParam("issue") List<String> issues,
            @QueryParam("split") String split,
            @QueryParam("source") String source,
            @Context HttpServerRequest request) {
        guard.requireOwner(request, "export");
        if (format == null || format.isBlank()) {
            throw new IllegalArgumentException("format: missing; expected profiles, queries or jsonl");
        }
        ScenarioFormat parsed = ScenarioFormat.parse(format);
        ScenarioFilter filter =
                ScenarioFilters.parse(ScenarioFilters.QUERY_PARAMETERS, domains, subcategories, issues, split, source);
        StreamingOutput body = out -> exports.export(filter, parsed, out);
        return Response.ok(body, parsed.mediaType())
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"penguin-" + parsed.id() + parsed.fileExtension() + "\"")
                .build();
    }
}
