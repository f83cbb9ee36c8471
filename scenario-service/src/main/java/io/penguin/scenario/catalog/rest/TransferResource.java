package io.penguin.scenario.catalog.rest;

import io.penguin.scenario.catalog.formats.ScenarioFormat;
import io.penguin.scenario.catalog.persistence.ScenarioFilter;
import io.penguin.scenario.catalog.service.ExportService;
import io.penguin.scenario.catalog.service.ImportReport;
import io.penguin.scenario.catalog.service.ImportService;
import io.penguin.scenario.catalog.service.ScenarioFilters;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.List;

/**
 * Import and export of catalog files. Export reveals profiles and queries, so it is for the catalog owner
 * ({@link CatalogOwnerGuard}); import is open like the rest of the write API.
 */
@Path("/catalog")
public class TransferResource {

    private final ImportService imports;
    private final ExportService exports;
    private final CatalogOwnerGuard guard;

    public TransferResource(ImportService imports, ExportService exports, CatalogOwnerGuard guard) {
        this.imports = imports;
        this.exports = exports;
        this.guard = guard;
    }

    /**
     * Imports a file sent as the request body. 200 with the report when it was stored (or for a dry run); 422 with
     * the report when records were rejected and nothing was stored.
     */
    @POST
    @Path("/imports")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response importFile(
            InputStream body,
            @QueryParam("format") String format,
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @QueryParam("partial") @DefaultValue("false") boolean partial,
            @QueryParam("queriesPerProfile") @DefaultValue("10") int queriesPerProfile,
            @QueryParam("seed") @DefaultValue("1") long seed) {
        if (format == null || format.isBlank()) {
            throw new IllegalArgumentException("format: missing; expected profiles, queries or jsonl");
        }
        ImportReport report = imports.importFile(
                body,
                new ImportService.ImportOptions(
                        ScenarioFormat.parse(format), dryRun, partial, queriesPerProfile, seed));
        boolean refused = !report.dryRun() && !report.committed();
        return Response.status(refused ? 422 : 200)
                .type(MediaType.APPLICATION_JSON)
                .entity(report)
                .build();
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
