package io.penguin.scenario.catalog.service;

import io.penguin.catalog.formats.ImportProblem;
import java.util.List;

/**
 * What an import did (or, for a dry run, would do).
 *
 * @param format the file format
 * @param dryRun nothing was stored, whatever the outcome
 * @param partial good records were to be kept even if others were rejected
 * @param committed the accepted scenarios are now in the catalog
 * @param records records read
 * @param recordsRejected records rejected
 * @param scenariosAccepted scenarios stored (or, when not committed, that passed validation)
 * @param duplicatesSkipped scenarios already in the catalog or earlier in the file, skipped
 * @param problems why records were rejected: the first {@value #MAX_LISTED}
 * @param duplicateIds ids of skipped duplicates: the first {@value #MAX_LISTED}
 */
public record ImportReport(
        String format,
        boolean dryRun,
        boolean partial,
        boolean committed,
        long records,
        long recordsRejected,
        long scenariosAccepted,
        long duplicatesSkipped,
        List<ImportProblem> problems,
        List<String> duplicateIds) {

    public static final int MAX_LISTED = 100;
}
