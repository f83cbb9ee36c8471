package io.penguin.scenario.planning.rest;

import io.penguin.scenario.planning.service.PlanningRequestService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code POST /plannings}: plan a selection of scenarios (by default the train split) with the planner. */
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
