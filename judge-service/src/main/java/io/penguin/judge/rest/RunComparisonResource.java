package io.penguin.judge.rest;

import io.penguin.judge.report.ReportFormat;
import io.penguin.judge.report.RunReports;
import io.penguin.reports.PairedRunComparison;
import io.penguin.reports.RunComparison;
import io.penguin.reports.render.CsvReport;
import io.penguin.reports.render.Html;
import io.penguin.reports.render.PairedText;
import io.penguin.reports.render.TextReport;
import io.penguin.service.problem.QueryParameters;
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

    /**
     * A candidate run against a base run, scenario by scenario: {@code ?base=run-a&candidate=run-b}; each cell's
     * paired difference with its interval and signed-rank test, and the scenarios that dropped by at least
     * {@code regression} points (default 1) worst first, at most {@code limit} (default 100), each with its link in
     * the run explorer. JSON, or a terminal table with {@code format=text}.
     */
    @GET
    @Path("/compare/paired")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public Response paired(
            @QueryParam("base") String base,
            @QueryParam("candidate") String candidate,
            @QueryParam("regression") String regression,
            @QueryParam("limit") String limit,
            @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        String baseRun = required("base", base);
        String candidateRun = required("candidate", candidate);
        double threshold = QueryParameters.number("regression", regression, 1.0, 0, 4);
        int most = QueryParameters.whole(
                "limit", limit, PairedRunComparison.DEFAULT_LIMIT, 0, QueryParameters.MAX_PAGE_SIZE);
        ReportFormat chosen = ReportFormat.choose(format, headers);
        if (chosen == ReportFormat.CSV || chosen == ReportFormat.HTML) {
            throw new IllegalArgumentException("format: a paired comparison is served as json or text, not "
                    + chosen.name().toLowerCase(java.util.Locale.ROOT));
        }
        PairedRunComparison comparison = reports.paired(baseRun, candidateRun, threshold, most);
        Object body = chosen == ReportFormat.TEXT ? PairedText.render(comparison) : comparison;
        return Response.ok(body, chosen.mediaType()).build();
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    name + " is missing: name the base and the candidate run, e.g. base=run-a&candidate=run-b");
        }
        return value.trim();
    }
}
