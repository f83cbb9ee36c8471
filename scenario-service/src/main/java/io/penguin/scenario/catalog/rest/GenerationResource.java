package io.penguin.scenario.catalog.rest;

import io.penguin.scenario.catalog.service.GenerationService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Offline generation of catalog scenarios, as background jobs. */
@Path("/catalog/generations")
@Produces(MediaType.APPLICATION_JSON)
public class GenerationResource {

    private final GenerationService service;

    public GenerationResource(GenerationService service) {
        this.service = service;
    }

    /** Starts a generation; 202 with the job's location. The body may be empty: 140 issues x 10 x 10, seed 1. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(GenerationService.GenerationRequest request, UriInfo uri) {
        GenerationService.GenerationJob job = service.start(service.plan(request));
        return Response.accepted(job)
                .location(uri.getAbsolutePathBuilder().path(job.id()).build())
                .build();
    }

    @GET
    @Path("/{id}")
    public GenerationService.GenerationJob get(@PathParam("id") String id) {
        return service.job(id);
    }
}
