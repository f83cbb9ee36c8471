package io.penguin.scenario.planning.rest;

import io.penguin.scenario.planning.service.PlanningJobs;
import io.penguin.scenario.planning.service.PlanningRequestService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /plannings}: plan an explicit selection of scenarios (its split by default the train split) with the
 * planner; a request naming no scenarios, an unknown model or an out-of-bounds number is a 400 problem naming the field.
 * {@code POST /plannings/{id}/redrive}: publish a job's dead-lettered requests again.
 */
@Path("/plannings")
@Produces(MediaType.APPLICATION_JSON)
public class PlanningResource {

    private final PlanningRequestService planning;
    private final PlanningJobs jobs;

    public PlanningResource(PlanningRequestService planning, PlanningJobs jobs) {
        this.planning = planning;
        this.jobs = jobs;
    }

    /** Sends one planning request per selected scenario; 202, since planner-service plans them asynchronously. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response plan(PlanningRequest request) {
        return Response.accepted(planning.plan(request)).build();
    }

    /**
     * Publishes the job's dead-lettered requests again (after fixing what failed them, e.g. a model endpoint), and all
     * its pending ones if the broker never acknowledged them; 404 for an unknown job.
     */
    @POST
    @Path("/{planningId}/redrive")
    public PlanningRedriven redrive(@PathParam("planningId") String planningId) {
        return new PlanningRedriven(planningId, jobs.redrive(planningId));
    }
}
