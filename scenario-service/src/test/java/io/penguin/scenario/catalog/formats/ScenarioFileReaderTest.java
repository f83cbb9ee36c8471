package io.penguin.scenario.catalog.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Malformed input gets a problem naming the record, the field and what is wrong, and never quotes a value. */
class ScenarioFileReaderTest {

    static final String PROFILE = "{\"Age\": \"34\", \"Gender\": \"Female\", \"Marital Status\": \"Married\","
            + " \"Profession\": \"Teacher\", \"Economic Status\": \"Middle income\", \"Health Status\": \"Good\","
            + " \"Education Level\": \"Bachelor's degree\", \"Mental Health Status\": \"Depression\","
            + " \"Past Self-Harm History\": \"None\", \"Emotional State\": \"SecretlyHopeless\"}";

    private static List<ParsedRecord> read(String text, ScenarioFormat format) {
        List<ParsedRecord> records = new ArrayList<>();
        try (ScenarioFileReader reader =
                new ScenarioFileReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), format)) {
            reader.forEachRemaining(records::add);
        }
        return records;
    }

    private static String queriesRecord(String profile, String queries) {
        return "{\"Scenario\": \"Panic Attack\", \"User_Profile\": " + profile + ", \"Queries\": " + queries + "}";
    }

    @Test
    void readsAGoodQueriesRecord() {
        List<ParsedRecord> records = read("[" + queriesRecord(PROFILE, "[\"a\", \"b\"]") + "]", ScenarioFormat.QUERIES);
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.valid()).isTrue();
            assertThat(record.queries()).containsExactly("a", "b");
            assertThat(record.place().issue()).isEqualTo("Panic Attack");
        });
    }

    @Test
    void truncatedJsonNamesTheRecordItStoppedIn() {
        String text = "[" + queriesRecord(PROFILE, "[\"a\"]") + ", " + queriesRecord(PROFILE, "[\"b\"]");
        String truncated = text.substring(0, text.length() - 20);
        assertThatThrownBy(() -> read(truncated, ScenarioFormat.QUERIES))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("record 2")
                .hasMessageContaining("truncated");
    }

    @Test
    void aFileThatIsNotAnArrayIsRefusedAtOnce() {
        assertThatThrownBy(() -> read("{\"Scenario\": \"Panic Attack\"}", ScenarioFormat.QUERIES))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("a queries file is a JSON array of records; it starts with an object");
        assertThatThrownBy(() -> read("", ScenarioFormat.PROFILES)).hasMessageContaining("the file is empty");
    }

    @Test
    void wrongTypesNameTheFieldAndTheTypeFound() {
        String badProfile = PROFILE.replace("\"Age\": \"34\"", "\"Age\": [34]");
        List<ParsedRecord> records =
                read("[" + queriesRecord(badProfile, "\"just one\"") + ", 42]", ScenarioFormat.QUERIES);
        assertThat(records.get(0).problems())
                .extracting(ImportProblem::toString)
                .containsExactlyInAnyOrder(
                        "record 1, field 'User_Profile.Age': expected a string, found an array",
                        "record 1, field 'Queries': expected an array of strings, found a string");
        assertThat(records.get(1).problems())
                .extracting(ImportProblem::toString)
                .containsExactly("record 2: expected an object, found a number");
    }

    @Test
    void unknownAttributeNamesAreNamedAndTheValidOnesListed() {
        String profiles =
                "[" + PROFILE.replace("}", ", \"Scenario\": \"Panic Attack\", \"Hair Colour\": \"red\"}") + "]";
        assertThat(read(profiles, ScenarioFormat.PROFILES).get(0).problems())
                .singleElement()
                .hasToString("record 1, field 'Hair Colour': unknown attribute; expected one of "
                        + io.penguin.core.Attribute.labels());
    }

    @Test
    void aMissingQueryOrAttributeOrIssueIsNamed() {
        String noQueries = "{\"Scenario\": \"Panic Attack\", \"User_Profile\": "
                + PROFILE.replace("\"Gender\": \"Female\", ", "") + "}";
        String emptyQueries = queriesRecord(PROFILE, "[]");
        String unknownIssue = queriesRecord(PROFILE, "[\"x\"]").replace("Panic Attack", "Bad Haircut");
        List<ParsedRecord> records =
                read("[" + noQueries + "," + emptyQueries + "," + unknownIssue + "]", ScenarioFormat.QUERIES);
        assertThat(records.get(0).problems())
                .extracting(ImportProblem::toString)
                .containsExactlyInAnyOrder(
                        "record 1, field 'User_Profile.Gender': missing", "record 1, field 'Queries': missing");
        assertThat(records.get(1).problems())
                .extracting(ImportProblem::toString)
                .containsExactly("record 2, field 'Queries': empty: a record needs at least one query");
        assertThat(records.get(2).problems())
                .extracting(ImportProblem::toString)
                .containsExactly("record 3, field 'Scenario': unknown issue 'Bad Haircut': not in the taxonomy");
        String jsonlWithoutQuery = "{\"issue\": \"Panic Attack\", \"profile\": " + PROFILE + "}\n";
        assertThat(read(jsonlWithoutQuery, ScenarioFormat.JSONL).get(0).problems())
                .extracting(ImportProblem::toString)
                .containsExactly("record 1, field 'query': missing");
    }

    @Test
    void aOneMegabyteStringIsRejectedByLengthWithoutQuotingIt() {
        String huge = "x".repeat(1 << 20);
        List<ParsedRecord> records =
                read("[" + queriesRecord(PROFILE, "[\"fine\", \"" + huge + "\"]") + "]", ScenarioFormat.QUERIES);
        assertThat(records.get(0).problems())
                .extracting(ImportProblem::toString)
                .containsExactly("record 1, field 'Queries[1]': 1048576 characters; at most 2000");
    }

    @Test
    void problemsNeverQuoteProfileValues() {
        String badProfile = PROFILE.replace("\"Age\": \"34\"", "\"Age\": {\"x\": 1}");
        List<ParsedRecord> records = read("[" + queriesRecord(badProfile, "[1]") + "]", ScenarioFormat.QUERIES);
        assertThat(records.get(0).problems())
                .isNotEmpty()
                .allSatisfy(problem -> assertThat(problem.toString()).doesNotContain("SecretlyHopeless"));
    }

    @Test
    void jsonlChecksTheDomainAgainstTheIssue() {
        String line = "{\"domain\": \"Career\", \"issue\": \"Panic Attack\", \"query\": \"q\", \"profile\": " + PROFILE
                + "}\n";
        assertThat(read(line, ScenarioFormat.JSONL).get(0).problems())
                .extracting(ImportProblem::toString)
                .containsExactly("record 1, field 'domain': the issue belongs to Health");
    }
}
