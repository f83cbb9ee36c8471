package io.penguin.catalog.writing.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.penguin.catalog.formats.ScenarioFileReader;
import io.penguin.models.llm.Parsed;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates a model's queries reply: a JSON object with exactly the keys {@code query_1} .. {@code query_N}, each a
 * non-blank string within the import limit, none repeating another of the reply or an earlier one of the issue.
 */
public final class QueriesReplyParser {

    public static String key(int number) {
        return "query_" + number;
    }

    public Parsed<List<String>> parse(String reply, int count, Set<String> earlier) {
        List<String> problems = new ArrayList<>();
        JsonNode node = ReplyJson.object(reply, problems);
        if (node == null) {
            return Parsed.invalid(problems);
        }
        Set<String> expected = new HashSet<>();
        for (int i = 1; i <= count; i++) {
            expected.add(key(i));
        }
        int unknown = 0;
        for (var names = node.fieldNames(); names.hasNext(); ) {
            if (!expected.contains(names.next())) {
                unknown++;
            }
        }
        if (unknown > 0) {
            problems.add(unknown + (unknown == 1 ? " key is" : " keys are") + " not expected; expected exactly "
                    + key(1) + (count > 1 ? " .. " + key(count) : ""));
        }
        List<String> queries = new ArrayList<>(count);
        Set<String> seen = new HashSet<>();
        for (int i = 1; i <= count; i++) {
            String field = key(i);
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                problems.add(field + ": missing");
                continue;
            }
            if (!value.isTextual()) {
                problems.add(field + ": expected a string, found " + ReplyJson.describe(value));
                continue;
            }
            String query = value.asText().strip();
            if (query.isEmpty()) {
                problems.add(field + ": blank");
            } else if (query.length() > ScenarioFileReader.MAX_QUERY_LENGTH) {
                problems.add(
                        field + ": " + query.length() + " characters; at most " + ScenarioFileReader.MAX_QUERY_LENGTH);
            } else if (earlier.contains(query)) {
                problems.add(field + ": repeats an earlier query of the issue");
            } else if (!seen.add(query)) {
                problems.add(field + ": repeats another query of this reply");
            } else {
                queries.add(query);
            }
        }
        return problems.isEmpty() ? Parsed.of(List.copyOf(queries)) : Parsed.invalid(problems);
    }
}
