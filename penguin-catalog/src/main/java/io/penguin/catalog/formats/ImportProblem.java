package io.penguin.catalog.formats;

/**
 * Why a record was rejected. Never carries a profile value or a query, only where and what.
 *
 * @param record the record's number in the file, from 1 (the line, for JSONL)
 * @param field the field, e.g. {@code User_Profile.Age} or {@code Queries[2]}; null for the record as a whole
 * @param problem what is wrong
 */
public record ImportProblem(long record, String field, String problem) {

    @Override
    public String toString() {
        return "record " + record + (field == null ? "" : ", field '" + field + "'") + ": " + problem;
    }
}
