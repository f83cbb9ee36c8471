package io.penguin.scenario.planning.rest;

import io.penguin.scenario.planning.service.PlanningRequestService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /plannings}: plan an explicit selection of scenarios (its split by default the train split) with the
 * planner; a request naming no scenarios, an unknown model or an out-of-bounds number is a 400 problem naming the field.
 */
@Path("/plannings")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PlanningResource {

    private final PlanningRequestService planning;

    public PlanningResource(PlanningRequestService planning) {
        this.planning = planning;
    }

    /** Sends one planning request per selected scenario; 202, since planner-service plans them asynchronously. */
    @POST
    public Response plan(PlanningRequest request) {
        return Response.accepted(planning.plan(request)).build();
    }
}
