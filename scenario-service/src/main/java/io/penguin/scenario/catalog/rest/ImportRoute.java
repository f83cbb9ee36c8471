package io.penguin.scenario.catalog.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.penguin.catalog.formats.ScenarioFormat;
import io.penguin.scenario.catalog.config.CatalogConfig;
import io.penguin.scenario.catalog.service.ImportReport;
import io.penguin.scenario.catalog.service.ImportService;
import io.penguin.service.problem.Problem;
import io.penguin.service.problem.QueryParameters;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.file.FileSystem;
import io.vertx.core.file.OpenOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.ForbiddenException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code POST /catalog/imports}, ahead of the REST layer, which would hold the whole request body in memory: the body
 * is streamed to a temporary file, then imported from it on a worker thread, so a file of any size needs the heap of
 * its largest record. Query parameters: {@code format} (profiles, queries, jsonl), {@code dryRun}, {@code partial},
 * {@code queriesPerProfile}, {@code seed}. 200 with the report when stored (or for a dry run); 422 with the report
 * when records were rejected and nothing was stored; 400 problem for bad parameters; 403 for anyone but the catalog
 * owner ({@link CatalogOwnerGuard}); 413 for a body larger than {@code penguin.catalog.import-max-size}, refused from
 * its {@code Content-Length} before anything is read, or as soon as a chunked body passes the limit. The route runs
 * before Quarkus's own body-size check (order -2), so {@code quarkus.http.limits.max-body-size} keeps its default for
 * the REST endpoints. Documented in {@code META-INF/openapi.yaml}, since the OpenAPI scanner sees JAX-RS only.
 */
@ApplicationScoped
public class ImportRoute {

    public static final String PATH = "/catalog/imports";

    /** The offline query writer's own bound; checked here too so an overflowing number is not cut to an int. */
    private static final int MAX_QUERIES_PER_PROFILE = 50;

    private final ImportService imports;
    private final CatalogOwnerGuard guard;
    private final long maxBytes;
    private final ObjectMapper json = new ObjectMapper();

    public ImportRoute(ImportService imports, CatalogOwnerGuard guard, CatalogConfig config) {
        this.imports = imports;
        this.guard = guard;
        this.maxBytes = config.importMaxSize().asLongValue();
    }

    void register(@Observes Router router) {
        router.post(PATH).order(-10).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        ImportService.ImportOptions options;
        try {
            options = options(context.request().params());
        } catch (IllegalArgumentException e) {
            problem(context, 400, "invalid-request", "Invalid request", e.getMessage());
            return;
        }
        try {
            guard.requireOwner(context.request(), "import");
        } catch (ForbiddenException e) {
            problem(context, 403, "forbidden", "Forbidden", e.getMessage());
            return;
        }
        String length = context.request().getHeader("Content-Length");
        if (length != null && length.matches("\\d{1,19}") && Long.parseLong(length) > maxBytes) {
            tooLarge(context);
            return;
        }
        context.request().pause();
        FileSystem files = context.vertx().fileSystem();
        files.createTempFile("penguin-import-", ".upload")
                .compose(path -> files.open(path, new OpenOptions().setWrite(true))
                        .compose(file -> context.request()
                                .pipeTo(new LimitedWriteStream(file, maxBytes))
                                .recover(e -> files.delete(path).transform(ignored -> Future.failedFuture(e))))
                        .map(path))
                .compose(path -> context.vertx().executeBlocking(() -> importFrom(Path.of(path), options), false))
                .onSuccess(report -> respond(context, !report.dryRun() && !report.committed() ? 422 : 200, report))
                .onFailure(e -> {
                    if (LimitedWriteStream.exceeded(e)) {
                        tooLarge(context);
                        return;
                    }
                    Log.errorf(e, "catalog import failed");
                    problem(
                            context,
                            500,
                            "internal-error",
                            "Internal error",
                            "the import failed; nothing was stored; the error is logged");
                });
    }

    private void tooLarge(RoutingContext context) {
        context.response().putHeader("Connection", "close");
        problem(
                context,
                413,
                "payload-too-large",
                "Payload too large",
                "the import body is larger than penguin.catalog.import-max-size (" + maxBytes + " bytes)");
    }

    private ImportReport importFrom(Path upload, ImportService.ImportOptions options) throws IOException {
        try (InputStream in = Files.newInputStream(upload)) {
            return imports.importFile(in, options);
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    private static ImportService.ImportOptions options(MultiMap parameters) {
        String format = parameters.get("format");
        if (format == null || format.isBlank()) {
            throw new IllegalArgumentException("format: missing; expected profiles, queries or jsonl");
        }
        return new ImportService.ImportOptions(
                ScenarioFormat.parse(format),
                bool(parameters, "dryRun"),
                bool(parameters, "partial"),
                QueryParameters.whole(
                        "queriesPerProfile", parameters.get("queriesPerProfile"), 10, 1, MAX_QUERIES_PER_PROFILE),
                number(parameters, "seed", 1));
    }

    private static boolean bool(MultiMap parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            return false;
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(name + ": expected true or false, was '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    private static long number(MultiMap parameters, String name, long fallback) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": expected a whole number, was '" + value + "'");
        }
    }

    private void respond(RoutingContext context, int status, Object body) {
        try {
            context.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", "application/json")
                    .end(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }

    private void problem(RoutingContext context, int status, String type, String title, String detail) {
        if (context.response().ended()) {
            return;
        }
        try {
            context.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(
                            new Problem("https://penguin.io/problems/" + type, title, status, detail, PATH)));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
