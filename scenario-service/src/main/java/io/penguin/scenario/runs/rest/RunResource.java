package io.penguin.scenario.runs.rest;

import io.penguin.scenario.runs.persistence.RunEntity;
import io.penguin.scenario.runs.persistence.RunRepository;
import io.penguin.scenario.runs.persistence.WorkItemRepository;
import io.penguin.scenario.runs.persistence.WorkItemStatus;
import io.penguin.scenario.runs.service.RunService;
import io.penguin.service.problem.NotFoundProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;

@Path("/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {

    private final RunService service;
    private final RunRepository runs;
    private final WorkItemRepository items;

    public RunResource(RunService service, RunRepository runs, WorkItemRepository items) {
        this.service = service;
        this.runs = runs;
        this.items = items;
    }

    /** Starts a run: one work item per scenario x condition x model. 202 with the run's location. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(RunRequest request, UriInfo uri) {
        RunEntity run = service.start(service.plan(request));
        return Response.accepted(view(run.id))
                .location(uri.getAbsolutePathBuilder().path(run.id).build())
                .build();
    }

    @GET
    @Path("/{id}")
    public RunView get(@PathParam("id") String id) {
        return view(id);
    }

    @GET
    public List<RunView> recent(@QueryParam("limit") @DefaultValue("20") int limit) {
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("limit must be between 1 and 500, was " + limit);
        }
        return QuarkusTransaction.requiringNew()
                .call(() -> runs.recent(limit).stream().map(run -> run.id).toList())
                .stream()
                .map(this::view)
                .toList();
    }

    private RunView view(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RunEntity run = runs.findById(id);
            if (run == null) {
                throw new NotFoundProblem("no run with id '" + id + "'");
            }
            Map<WorkItemStatus, Long> counts = items.countByStatus(id);
            return new RunView(
                    run.id,
                    run.status.name(),
                    run.models,
                    run.conditions,
                    run.judgeModel,
                    run.totalItems,
                    counts.get(WorkItemStatus.JUDGED),
                    counts.get(WorkItemStatus.FAILED),
                    counts.get(WorkItemStatus.PENDING),
                    run.createdAt,
                    run.completedAt);
        });
    }
}
