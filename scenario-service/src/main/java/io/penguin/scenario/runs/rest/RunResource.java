package io.penguin.scenario.runs.rest;

import io.penguin.scenario.runs.config.RunConfig;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

@Path("/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {

    private final RunService service;
    private final RunRepository runs;
    private final WorkItemRepository items;
    private final RunConfig config;

    public RunResource(RunService service, RunRepository runs, WorkItemRepository items, RunConfig config) {
        this.service = service;
        this.runs = runs;
        this.items = items;
        this.config = config;
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

    /** The failed work items of a run with their reasons and stages (at most {@code limit}, oldest first). */
    @GET
    @Path("/{id}/failures")
    public List<FailedItemView> failures(
            @PathParam("id") String id, @QueryParam("limit") @DefaultValue("500") int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be between 1 and 10000, was " + limit);
        }
        view(id);
        return QuarkusTransaction.requiringNew()
                .call(() -> items.failures(id, limit).stream()
                        .map(item -> new FailedItemView(
                                item.scenarioId,
                                item.condition,
                                item.model,
                                item.failedStage,
                                item.failureReason,
                                item.attempts,
                                item.updatedAt))
                        .toList());
    }

    /** Publishes the run's failed work items again; the run is RUNNING until they are judged or fail again. */
    @POST
    @Path("/{id}/redrive")
    public RedriveResult redrive(@PathParam("id") String id) {
        return new RedriveResult(id, service.redrive(id));
    }

    /** Publishes the run's pending work items again (duplicates are harmless): for records lost outside the platform. */
    @POST
    @Path("/{id}/resume")
    public RedriveResult resume(@PathParam("id") String id) {
        return new RedriveResult(id, service.resume(id));
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
            long pending = counts.get(WorkItemStatus.PENDING);
            Duration window = config.rateWindow();
            Instant windowStart = Instant.now().minus(window);
            if (run.createdAt.isAfter(windowStart)) {
                windowStart = run.createdAt;
                window = Duration.between(windowStart, Instant.now());
            }
            long recent = pending == 0 ? 0 : items.judgedSince(id, windowStart);
            double rate = window.toMillis() <= 0 ? 0 : recent * 1000.0 / window.toMillis();
            Long eta = pending == 0 || rate <= 0 ? null : Math.round(pending / rate);
            return new RunView(
                    run.id,
                    run.status.name(),
                    run.models,
                    run.conditions,
                    run.judgeModel,
                    run.panelJudges,
                    run.seed,
                    run.totalItems,
                    counts.get(WorkItemStatus.JUDGED),
                    counts.get(WorkItemStatus.FAILED),
                    pending,
                    Math.round(rate * 10) / 10.0,
                    eta,
                    run.createdAt,
                    run.completedAt);
        });
    }
}
