package io.penguin.catalog.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.penguin.core.Attribute;
import io.penguin.core.Domain;
import io.penguin.core.Profile;
import io.penguin.core.ProfileChecks;
import io.penguin.core.Taxonomy;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Reads an import file record by record with Jackson's streaming parser: only the current record is in memory, so
 * a file of any size needs the heap of its largest record. Every record comes out validated ({@link ParsedRecord});
 * a file that cannot be read on (not JSON, truncated, not an array) throws {@link MalformedFileException} naming
 * the record it stopped in.
 */
public final class ScenarioFileReader implements Iterator<ParsedRecord>, AutoCloseable {

    /** Longest attribute value (and issue name) accepted: the catalog's rule, {@link ProfileChecks}. */
    public static final int MAX_VALUE_LENGTH = ProfileChecks.MAX_VALUE_LENGTH;
    /** Longest query accepted. */
    public static final int MAX_QUERY_LENGTH = 2_000;
    /** Most queries in one reference-queries record. */
    public static final int MAX_QUERIES_PER_RECORD = 1_000;
    /** Longer strings stop the parser: nothing legitimate comes near. */
    static final int MAX_STRING_LENGTH = 4_000_000;

    private static final String SCENARIO = "Scenario";
    private static final String USER_PROFILE = "User_Profile";
    private static final String QUERIES = "Queries";

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNestingDepth(16)
                    .build())
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private final ScenarioFormat format;
    private final CountingStream input;
    private final JsonParser parser;
    private long number;
    private boolean insideRecord;
    private ParsedRecord next;
    private boolean done;

    public ScenarioFileReader(InputStream in, ScenarioFormat format) {
        this.format = format;
        this.input = new CountingStream(in);
        try {
            this.parser = FACTORY.createParser(input);
            parser.setCodec(MAPPER);
            if (format != ScenarioFormat.JSONL) {
                JsonToken first = parser.nextToken();
                if (first != JsonToken.START_ARRAY) {
                    throw new MalformedFileException(new ImportProblem(
                            1,
                            null,
                            "a " + format.id() + " file is a JSON array of records; it starts with "
                                    + (first == null ? "nothing (the file is empty)" : describe(first))));
                }
            }
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the import file", e);
        }
    }

    /** Records read so far. */
    public long records() {
        return number;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = read();
            done = next == null;
        }
        return next != null;
    }

    @Override
    public ParsedRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ParsedRecord record = next;
        next = null;
        return record;
    }

    private ParsedRecord read() {
        try {
            JsonToken token = parser.nextToken();
            if (format == ScenarioFormat.JSONL ? token == null : token == JsonToken.END_ARRAY) {
                if (format != ScenarioFormat.JSONL && parser.nextToken() != null) {
                    throw new MalformedFileException(
                            new ImportProblem(number, null, "there is content after the end of the array"));
                }
                return null;
            }
            if (token == null) {
                throw new MalformedFileException(new ImportProblem(
                        number + 1, null, "the file ends before the array is closed (truncated JSON?)"));
            }
            number++;
            insideRecord = true;
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                insideRecord = false;
                return ParsedRecord.rejected(
                        number,
                        List.of(new ImportProblem(number, null, "expected an object, found " + describe(token))));
            }
            JsonNode record = parser.readValueAsTree();
            insideRecord = false;
            return switch (format) {
                case PROFILES -> profilesRecord(record);
                case QUERIES -> queriesRecord(record);
                case JSONL -> jsonlRecord(record);
            };
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the import file", e);
        }
    }

    private ParsedRecord profilesRecord(JsonNode record) {
        List<ImportProblem> problems = new ArrayList<>();
        unknownFields(record, problems, "", name -> name.equals(SCENARIO) || isAttribute(name));
        Taxonomy.IssuePlace place = issue(record, SCENARIO, problems);
        Profile profile = profile(record, "", problems);
        return result(place, profile, List.of(), problems);
    }

    private ParsedRecord queriesRecord(JsonNode record) {
        List<ImportProblem> problems = new ArrayList<>();
        unknownFields(record, problems, "", Set.of(SCENARIO, USER_PROFILE, QUERIES)::contains);
        Taxonomy.IssuePlace place = issue(record, SCENARIO, problems);
        Profile profile = null;
        JsonNode profileNode = record.get(USER_PROFILE);
        if (profileNode == null || profileNode.isNull()) {
            problems.add(problem(USER_PROFILE, "missing"));
        } else if (!profileNode.isObject()) {
            problems.add(problem(USER_PROFILE, "expected an object, found " + describe(profileNode)));
        } else {
            // The reference generator writes the profile as its profiles file holds it, "Scenario" included.
            unknownFields(
                    profileNode, problems, USER_PROFILE + ".", name -> name.equals(SCENARIO) || isAttribute(name));
            sameScenario(record.get(SCENARIO), profileNode.get(SCENARIO), problems);
            profile = profile(profileNode, USER_PROFILE + ".", problems);
        }
        List<String> queries = new ArrayList<>();
        JsonNode queriesNode = record.get(QUERIES);
        if (queriesNode == null || queriesNode.isNull()) {
            problems.add(problem(QUERIES, "missing"));
        } else if (!queriesNode.isArray()) {
            problems.add(problem(QUERIES, "expected an array of strings, found " + describe(queriesNode)));
        } else if (queriesNode.isEmpty()) {
            problems.add(problem(QUERIES, "empty: a record needs at least one query"));
        } else if (queriesNode.size() > MAX_QUERIES_PER_RECORD) {
            problems.add(problem(
                    QUERIES, queriesNode.size() + " queries; at most " + MAX_QUERIES_PER_RECORD + " per record"));
        } else {
            for (int i = 0; i < queriesNode.size(); i++) {
                String query = text(queriesNode.get(i), QUERIES + "[" + i + "]", MAX_QUERY_LENGTH, problems);
                if (query != null) {
                    queries.add(query);
                }
            }
        }
        return result(place, profile, queries, problems);
    }

    /** A {@code User_Profile.Scenario}, when there is one, repeats the record's issue. */
    private void sameScenario(JsonNode outer, JsonNode inner, List<ImportProblem> problems) {
        if (inner == null) {
            return;
        }
        String field = USER_PROFILE + "." + SCENARIO;
        String repeated = text(inner, field, MAX_VALUE_LENGTH, problems);
        if (repeated != null
                && outer != null
                && outer.isTextual()
                && !repeated.equals(outer.asText().trim())) {
            problems.add(problem(field, "differs from the record's " + SCENARIO));
        }
    }

    private ParsedRecord jsonlRecord(JsonNode record) {
        List<ImportProblem> problems = new ArrayList<>();
        unknownFields(
                record,
                problems,
                "",
                Set.of("id", "domain", "subcategory", "issue", "query", "profile", "split", "source")::contains);
        Taxonomy.IssuePlace place = issue(record, "issue", problems);
        if (place != null) {
            JsonNode domain = record.get("domain");
            if (domain != null && domain.isTextual() && !matchesDomain(domain.asText(), place.domain())) {
                problems.add(problem(
                        "domain", "the issue belongs to " + place.domain().label()));
            }
            JsonNode subcategory = record.get("subcategory");
            if (subcategory != null
                    && subcategory.isTextual()
                    && !subcategory.asText().equals(place.subcategory())) {
                problems.add(problem("subcategory", "the issue belongs to " + place.subcategory()));
            }
        }
        Profile profile = null;
        JsonNode profileNode = record.get("profile");
        if (profileNode == null || profileNode.isNull()) {
            problems.add(problem("profile", "missing"));
        } else if (!profileNode.isObject()) {
            problems.add(problem("profile", "expected an object, found " + describe(profileNode)));
        } else {
            unknownFields(profileNode, problems, "profile.", ScenarioFileReader::isAttribute);
            profile = profile(profileNode, "profile.", problems);
        }
        String query = text(record.get("query"), "query", MAX_QUERY_LENGTH, problems);
        return result(place, profile, query == null ? List.of() : List.of(query), problems);
    }

    private ParsedRecord result(
            Taxonomy.IssuePlace place, Profile profile, List<String> queries, List<ImportProblem> problems) {
        if (!problems.isEmpty() || place == null || profile == null) {
            return ParsedRecord.rejected(number, problems);
        }
        return new ParsedRecord(number, place, profile, List.copyOf(queries), List.of());
    }

    private static boolean matchesDomain(String text, Domain domain) {
        try {
            return Domain.fromLabel(text) == domain;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Taxonomy.IssuePlace issue(JsonNode record, String field, List<ImportProblem> problems) {
        String issue = text(record.get(field), field, MAX_VALUE_LENGTH, problems);
        if (issue == null) {
            return null;
        }
        return Taxonomy.standard().find(issue).orElseGet(() -> {
            problems.add(problem(field, "unknown issue '" + issue + "': not in the taxonomy"));
            return null;
        });
    }

    /** The ten values, each held to the catalog's rules ({@link ProfileChecks}); null when any breaks them. */
    private Profile profile(JsonNode node, String prefix, List<ImportProblem> problems) {
        Map<Attribute, String> values = new EnumMap<>(Attribute.class);
        int before = problems.size();
        for (Attribute attribute : Attribute.values()) {
            JsonNode value = node.get(attribute.label());
            String field = prefix + attribute.label();
            String text = attribute == Attribute.AGE && value != null && value.isNumber()
                    ? age(value, field, problems)
                    : string(value, field, problems);
            if (text == null) {
                continue;
            }
            ProfileChecks.problem(attribute, text)
                    .ifPresentOrElse(
                            broken -> problems.add(problem(field, broken.problem())),
                            () -> values.put(attribute, text.trim()));
        }
        return problems.size() == before ? Profile.of(values) : null;
    }

    /**
     * Python's {@code json.dump} writes an int age as a JSON number: a whole number (19, or 19.0 from a float column)
     * is read as its decimal text, which {@link ProfileChecks} then holds to the age range; a fraction is an error.
     */
    private String age(JsonNode value, String field, List<ImportProblem> problems) {
        if (!value.canConvertToExactIntegral()) {
            problems.add(problem(field, ProfileChecks.expected() + ", found a number with a fraction"));
            return null;
        }
        return value.decimalValue().toBigIntegerExact().toString();
    }

    /** A required, non-blank string of at most {@code max} characters; problems name the field, never the value. */
    private String text(JsonNode value, String field, int max, List<ImportProblem> problems) {
        String text = string(value, field, problems);
        if (text == null) {
            return null;
        }
        if (text.length() > max) {
            problems.add(problem(field, text.length() + " characters; at most " + max));
            return null;
        }
        return text.trim();
    }

    /** A required, non-blank string, as written (non-ASCII and inner whitespace kept); null after a problem. */
    private String string(JsonNode value, String field, List<ImportProblem> problems) {
        if (value == null || value.isNull()) {
            problems.add(problem(field, "missing"));
            return null;
        }
        if (!value.isTextual()) {
            problems.add(problem(field, "expected a string, found " + describe(value)));
            return null;
        }
        String text = value.asText();
        if (text.isBlank()) {
            problems.add(problem(field, "blank"));
            return null;
        }
        return text;
    }

    private void unknownFields(
            JsonNode node, List<ImportProblem> problems, String prefix, java.util.function.Predicate<String> known) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.test(name)) {
                problems.add(problem(
                        prefix + name,
                        prefix.isEmpty() && format != ScenarioFormat.PROFILES
                                ? "unknown field"
                                : "unknown attribute; expected one of " + Attribute.labels()));
            }
        });
    }

    private static boolean isAttribute(String name) {
        for (Attribute attribute : Attribute.values()) {
            if (attribute.label().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private ImportProblem problem(String field, String problem) {
        return new ImportProblem(number, field, problem);
    }

    private static String describe(JsonNode node) {
        JsonNodeType type = node.getNodeType();
        return switch (type) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name().toLowerCase(Locale.ROOT);
        };
    }

    /** Jackson's own message may quote the input; ours says where and what kind of problem only. */
    private MalformedFileException malformed(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String where =
                location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        // The record being read when the parser stopped: the one after the last complete record.
        long record = number + (insideRecord ? 0 : 1);
        String what;
        if (endedEarly(e)) {
            what = insideRecord
                    ? "the file ends inside record " + record + " (truncated JSON?)" + where
                    : "the file ends before the array is closed (truncated JSON?)" + where;
        } else if (e instanceof StreamConstraintsException) {
            what = "a value exceeds the reader's limits (strings up to " + MAX_STRING_LENGTH
                    + " characters, nesting up to 16 levels)" + where;
        } else {
            what = "not valid JSON" + where;
        }
        return new MalformedFileException(new ImportProblem(record, null, what));
    }

    /**
     * The input ran out where the parser stopped. Jackson says so with a {@link JsonEOFException} only inside a string
     * or an object; at the end of an array's entries, or through the tree reader, it raises a plain parse error. That
     * error stands at the input's last byte, while a syntax error before the end stands earlier.
     */
    private boolean endedEarly(JsonProcessingException e) {
        if (e instanceof JsonEOFException) {
            return true;
        }
        JsonLocation location = e.getLocation();
        return input.ended() && location != null && location.getByteOffset() >= input.count();
    }

    /** Counts the bytes handed to the parser and notices the end of the input. */
    private static final class CountingStream extends FilterInputStream {

        private long count;
        private boolean ended;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                ended = true;
            } else {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read < 0) {
                ended = true;
            } else {
                count += read;
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }

        long count() {
            return count;
        }

        boolean ended() {
            return ended;
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the import file", e);
        }
    }
}
