package io.penguin.judge.rest;

import io.penguin.judge.persistence.JudgementEntity;
import io.penguin.judge.persistence.JudgementRepository;
import io.penguin.judge.report.ReportFormat;
import io.penguin.judge.report.RunReports;
import io.penguin.reports.RunReport;
import io.penguin.reports.render.CsvReport;
import io.penguin.reports.render.Html;
import io.penguin.reports.render.TextReport;
import io.penguin.service.problem.QueryParameters;
import io.quarkus.panache.common.Sort;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

@Path("/runs/{runId}")
@Produces(MediaType.APPLICATION_JSON)
public class RunReportResource {

    private static final int DEFAULT_PAGE_SIZE = 100;

    private final JudgementRepository repository;
    private final RunReports reports;

    public RunReportResource(JudgementRepository repository, RunReports reports) {
        this.repository = repository;
        this.reports = reports;
    }

    /**
     * The run's report: per model x condition family x domain, mean scores with 95% bootstrap intervals and n, the
     * paired comparisons, judge agreement, usage and cost. JSON by default; {@code ?format=csv|html|text} or an Accept
     * header of text/csv, text/html or text/plain for the other renderings; {@code table=cells|comparisons|usage|raise}
     * picks the CSV table.
     */
    @GET
    @Path("/report")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", MediaType.TEXT_HTML, MediaType.TEXT_PLAIN})
    public Response report(
            @PathParam("runId") String runId,
            @QueryParam("format") String format,
            @QueryParam("table") String table,
            @Context HttpHeaders headers) {
        ReportFormat chosen = ReportFormat.choose(format, headers);
        RunReport report = reports.report(runId);
        Object body = switch (chosen) {
            case JSON -> report;
            case CSV -> CsvReport.render(report, table);
            case HTML -> Html.render(report);
            case TEXT -> TextReport.render(report);
        };
        return Response.ok(body, chosen.mediaType()).build();
    }

    /**
     * The run's judgements, by scenario, condition, model and judge. Without {@code page} and {@code size}, all of
     * them (what the CLI counts); with either, one page: {@code page} from 0, {@code size} 1 to 1000 (default 100).
     * Parameters are read as text so that a bad one is a 400 naming it, not JAX-RS's 404.
     */
    @GET
    @Path("/judgements")
    public List<JudgementView> judgements(
            @PathParam("runId") String runId, @QueryParam("page") String page, @QueryParam("size") String size) {
        if (page == null && size == null) {
            return repository.listByRun(runId).stream()
                    .map(RunReportResource::view)
                    .toList();
        }
        int number = QueryParameters.page("page", page, 0);
        int pageSize = QueryParameters.size("size", size, DEFAULT_PAGE_SIZE);
        // A total order, judge and row id included, so that consecutive pages neither repeat nor skip a row.
        Sort order = Sort.by("scenarioId")
                .and("condition")
                .and("model")
                .and("judgeModel")
                .and("id");
        return repository.find("runId", order, runId).page(number, pageSize).list().stream()
                .map(RunReportResource::view)
                .toList();
    }

    private static JudgementView view(JudgementEntity entity) {
        Map<String, Integer> scores = entity.scoresByLabel();
        Map<String, String> rationale = entity.reasonsByLabel();
        return new JudgementView(
                entity.runId,
                entity.scenarioId,
                entity.condition,
                entity.model,
                entity.judgeModel,
                entity.domain,
                scores,
                entity.safetyScore,
                rationale,
                entity.reference,
                entity.judgedAt,
                entity.askedAttributes);
    }
}
