package io.penguin.scenario.catalog.service;

import io.penguin.catalog.ScenarioIds;
import io.penguin.catalog.formats.ImportProblem;
import io.penguin.catalog.formats.MalformedFileException;
import io.penguin.catalog.formats.ParsedRecord;
import io.penguin.catalog.formats.ScenarioFileReader;
import io.penguin.catalog.formats.ScenarioFormat;
import io.penguin.catalog.writing.OfflineScenarioWriter;
import io.penguin.core.Scenario;
import io.penguin.scenario.catalog.config.CatalogConfig;
import io.penguin.scenario.catalog.persistence.CatalogWriter;
import io.penguin.scenario.catalog.persistence.ScenarioSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports a file into the catalog in one transaction, streaming: records are validated and written batch by batch as
 * they are read. A rejected record (or a file that cannot be read to its end) rolls everything back, unless partial
 * import was asked for; a dry run always rolls back. Scenarios already stored are skipped as duplicates.
 */
@ApplicationScoped
public class ImportService {

    /**
     * How to import.
     *
     * @param format the file format
     * @param dryRun validate and count, store nothing
     * @param partial keep the good records when others are rejected
     * @param queriesPerProfile for a profiles file: how many queries the offline writer gives each profile
     * @param seed for a profiles file: the query writer's seed
     */
    public record ImportOptions(
            ScenarioFormat format, boolean dryRun, boolean partial, int queriesPerProfile, long seed) {

        public ImportOptions {
            if (queriesPerProfile < 1 || queriesPerProfile > 50) {
                throw new IllegalArgumentException(
                        "queriesPerProfile must be between 1 and 50, was " + queriesPerProfile);
            }
        }
    }

    /** Rolls the import's transaction back after its report is made. */
    private static final class RolledBack extends RuntimeException {
        final ImportReport report;

        RolledBack(ImportReport report) {
            super(null, null, false, false);
            this.report = report;
        }
    }

    private final CatalogWriter writer;
    private final CatalogConfig config;
    private final OfflineScenarioWriter generator = new OfflineScenarioWriter();

    public ImportService(CatalogWriter writer, CatalogConfig config) {
        this.writer = writer;
        this.config = config;
    }

    public ImportReport importFile(InputStream in, ImportOptions options) {
        ImportReport report;
        try {
            report = QuarkusTransaction.requiringNew()
                    .timeout((int) config.writeTimeout().toSeconds())
                    .call(() -> {
                        ImportReport made = run(in, options);
                        if (!made.committed()) {
                            throw new RolledBack(made);
                        }
                        return made;
                    });
        } catch (RolledBack rolledBack) {
            report = rolledBack.report;
        }
        Log.infof(
                "catalog import (%s%s%s): %d records, %d rejected, %d scenarios %s, %d duplicates skipped",
                options.format().id(),
                options.dryRun() ? ", dry run" : "",
                options.partial() ? ", partial" : "",
                report.records(),
                report.recordsRejected(),
                report.scenariosAccepted(),
                report.committed() ? "stored" : "not stored",
                report.duplicatesSkipped());
        return report;
    }

    private ImportReport run(InputStream in, ImportOptions options) {
        List<ImportProblem> problems = new ArrayList<>();
        List<String> duplicateIds = new ArrayList<>();
        long rejected = 0;
        long validatedOnly = 0;
        long records = 0;
        boolean fatal = false;
        try (CatalogWriter.Batch batch = writer.open(ScenarioSource.IMPORTED, (record, id) -> {
            if (duplicateIds.size() < ImportReport.MAX_LISTED) {
                duplicateIds.add(id);
            }
        })) {
            try (ScenarioFileReader reader = new ScenarioFileReader(in, options.format())) {
                while (reader.hasNext()) {
                    ParsedRecord record = reader.next();
                    records = reader.records();
                    if (!record.valid()) {
                        rejected++;
                        record.problems().stream()
                                .limit(Math.max(0, ImportReport.MAX_LISTED - problems.size()))
                                .forEach(problems::add);
                        continue;
                    }
                    // After a rejection, an all-or-nothing import only validates the rest, to report every problem.
                    boolean writing = options.partial() || rejected == 0;
                    for (Scenario scenario : scenarios(record, options)) {
                        if (writing) {
                            batch.add(record.number(), scenario);
                        } else {
                            validatedOnly++;
                        }
                    }
                }
                records = reader.records();
            } catch (MalformedFileException e) {
                fatal = true;
                rejected++;
                if (problems.size() < ImportReport.MAX_LISTED) {
                    problems.add(e.problem());
                }
            }
            batch.flush();
            boolean commit = !options.dryRun() && (options.partial() || rejected == 0);
            // Written inside this transaction; rolled back unless committed. Plus, after a rejection, the scenarios
            // that were only validated.
            long stored = batch.written() + (commit ? 0 : validatedOnly);
            return new ImportReport(
                    options.format().id(),
                    options.dryRun(),
                    options.partial(),
                    commit,
                    records + (fatal ? 1 : 0),
                    rejected,
                    stored,
                    batch.duplicates(),
                    List.copyOf(problems),
                    List.copyOf(duplicateIds));
        }
    }

    private List<Scenario> scenarios(ParsedRecord record, ImportOptions options) {
        if (options.format() == ScenarioFormat.PROFILES) {
            return generator.queriesFor(options.seed(), record.place(), record.profile(), options.queriesPerProfile());
        }
        return record.queries().stream()
                .map(query -> new Scenario(
                        ScenarioIds.of(record.place().issue(), record.profile(), query),
                        record.place().domain(),
                        record.place().subcategory(),
                        record.place().issue(),
                        query,
                        record.profile()))
                .toList();
    }
}
