package io.penguin.scenario.catalog.rest;

import io.penguin.scenario.catalog.service.ScenarioWriting;
import io.penguin.scenario.catalog.service.WritingJobs;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Generation of catalog scenarios, offline or by a configured model, as background jobs kept in the database. Only
 * the catalog owner may start one: it writes to the catalog, and with a model it spends the endpoint's budget.
 */
@Path("/catalog/writing-jobs")
@Produces(MediaType.APPLICATION_JSON)
public class WritingResource {

    private final ScenarioWriting service;
    private final CatalogOwnerGuard guard;

    public WritingResource(ScenarioWriting service, CatalogOwnerGuard guard) {
        this.service = service;
        this.guard = guard;
    }

    /**
     * Starts a generation; 202 with the job's location. The body may be empty: 140 issues x 10 x 10, seed 1, the
     * {@code penguin.models.roles.generator} endpoint or else the offline generator.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(ScenarioWriting.GenerationRequest request, UriInfo uri, @Context HttpServerRequest http) {
        guard.requireOwner(http, "generation");
        WritingJobs.WritingJob job = service.start(service.plan(request));
        return Response.accepted(job)
                .location(uri.getAbsolutePathBuilder().path(job.id()).build())
                .build();
    }

    @GET
    @Path("/{id}")
    public WritingJobs.WritingJob get(@PathParam("id") String id) {
        return service.job(id);
    }
}
