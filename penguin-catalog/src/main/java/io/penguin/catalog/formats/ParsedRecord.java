package io.penguin.catalog.formats;

import io.penguin.core.Profile;
import io.penguin.core.Taxonomy;
import java.util.List;

/**
 * One record of an import file, validated: either its content or its problems.
 *
 * @param number the record's number, from 1
 * @param place the issue it belongs to
 * @param profile its profile
 * @param queries its queries (empty for a profiles-file record: the importer writes them)
 * @param problems what is wrong; empty when the record is good
 */
public record ParsedRecord(
        long number, Taxonomy.IssuePlace place, Profile profile, List<String> queries, List<ImportProblem> problems) {

    public boolean valid() {
        return problems.isEmpty();
    }

    static ParsedRecord rejected(long number, List<ImportProblem> problems) {
        return new ParsedRecord(number, null, null, List.of(), List.copyOf(problems));
    }
}
