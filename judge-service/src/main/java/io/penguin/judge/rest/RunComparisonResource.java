package io.penguin.judge.rest;

import io.penguin.judge.report.ReportFormat;
import io.penguin.judge.report.RunReports;
import io.penguin.reports.RunComparison;
import io.penguin.reports.render.CsvReport;
import io.penguin.reports.render.Html;
import io.penguin.reports.render.TextReport;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;

@Path("/reports")
public class RunComparisonResource {

    private final RunReports reports;

    public RunComparisonResource(RunReports reports) {
        this.reports = reports;
    }

    /**
     * Runs side by side: {@code ?runs=a,b[,c]}; the same cells (model x condition family x domain) of each run with
     * mean, CI and n, and each run's difference from the first. Formats as for a run's report.
     */
    @GET
    @Path("/compare")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", MediaType.TEXT_HTML, MediaType.TEXT_PLAIN})
    public Response compare(
            @QueryParam("runs") String runs, @QueryParam("format") String format, @Context HttpHeaders headers) {
        if (runs == null || runs.isBlank()) {
            throw new IllegalArgumentException("runs is missing: name two or more run ids, e.g. runs=run-a,run-b");
        }
        ReportFormat chosen = ReportFormat.choose(format, headers);
        RunComparison comparison = reports.compare(Arrays.asList(runs.split(",")));
        Object body = switch (chosen) {
            case JSON -> comparison;
            case CSV -> CsvReport.render(comparison);
            case HTML -> Html.render(comparison);
            case TEXT -> TextReport.render(comparison);
        };
        return Response.ok(body, chosen.mediaType()).build();
    }
}
