package io.penguin.cli.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code penguin import}: sends a file to the catalog and prints the import report. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Import a scenario file into the catalog of a running scenario-service. Nothing is stored when"
                + " any record is rejected, unless --partial; --dry-run only validates. Exit code 1 when records were"
                + " rejected.")
public class ImportCommand implements Callable<Integer> {

    @Mixin
    CatalogOptions service;

    @Parameters(index = "0", description = "The file to import.")
    Path file;

    @Option(
            names = "--format",
            required = true,
            description = "profiles (reference profiles file), queries (reference queries file) or jsonl.")
    String format;

    @Option(names = "--dry-run", description = "Validate and count; store nothing.")
    boolean dryRun;

    @Option(names = "--partial", description = "Store the good records even when others are rejected.")
    boolean partial;

    @Option(
            names = "--queries-per-profile",
            defaultValue = "10",
            description =
                    "For a profiles file: queries the offline writer gives each profile (default: ${DEFAULT-VALUE}).")
    int queriesPerProfile;

    @Option(names = "--seed", defaultValue = "1", description = "For a profiles file: the query writer's seed.")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file);
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("format", List.of(format));
        query.put("dryRun", List.of(Boolean.toString(dryRun)));
        query.put("partial", List.of(Boolean.toString(partial)));
        query.put("queriesPerProfile", List.of(Integer.toString(queriesPerProfile)));
        query.put("seed", List.of(Long.toString(seed)));
        CatalogClient.Answer answer = service.client().upload("catalog/imports", query, file);
        JsonNode report = answer.body();
        PrintStream out = System.out;
        if (answer.status() != 200 && answer.status() != 422) {
            throw new IllegalStateException("import failed with " + answer.status() + ": "
                    + report.path("detail").asText());
        }
        out.printf(
                "%s: %d records, %d rejected; %d scenarios %s, %d duplicates skipped%n",
                report.path("dryRun").asBoolean()
                        ? "Dry run"
                        : report.path("committed").asBoolean() ? "Imported" : "Not imported",
                report.path("records").asLong(),
                report.path("recordsRejected").asLong(),
                report.path("scenariosAccepted").asLong(),
                report.path("committed").asBoolean() ? "stored" : "valid (not stored)",
                report.path("duplicatesSkipped").asLong());
        for (JsonNode problem : report.path("problems")) {
            out.printf(
                    "  record %d%s: %s%n",
                    problem.path("record").asLong(),
                    problem.path("field").isTextual()
                            ? ", field '" + problem.path("field").asText() + "'"
                            : "",
                    problem.path("problem").asText());
        }
        if (report.path("recordsRejected").asLong() > report.path("problems").size()) {
            out.println("  (only the first problems are listed)");
        }
        return report.path("recordsRejected").asLong() == 0 ? 0 : 1;
    }
}
