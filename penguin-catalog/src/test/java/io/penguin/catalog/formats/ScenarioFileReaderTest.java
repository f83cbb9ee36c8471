package io.penguin.catalog.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.penguin.core.Attribute;
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
    void aQueriesFileAsTheReferenceGeneratorWritesItIsReadWhole() {
        List<ParsedRecord> records = read(ReferenceFiles.QUERIES, ScenarioFormat.QUERIES);
        assertThat(records)
                .hasSize(3)
                .allSatisfy(record -> assertThat(record.problems()).isEmpty());
        ParsedRecord first = records.get(0);
        assertThat(first.place().issue()).isEqualTo("Panic Attack");
        assertThat(first.profile().get(Attribute.AGE)).isEqualTo("19");
        assertThat(first.profile().get(Attribute.PROFESSION)).isEqualTo("\u00c9tudiante en m\u00e9decine");
        assertThat(first.profile().get(Attribute.EMOTIONAL_STATE)).isEqualTo("Frightened \u2014 can't  breathe");
        assertThat(first.queries())
                .containsExactly(
                        "Can a panic attack actually hurt you?",
                        "What do I do when one starts on the train?  Everyone stares.",
                        "Is it normal that my hands go numb\u2026\nand then I feel nothing?");
        assertThat(records.get(1).queries()).first().isEqualTo("How do people get out of this much debt? \ud83d\ude1e");
        assertThat(records.stream().mapToInt(record -> record.queries().size()).sum())
                .isEqualTo(ReferenceFiles.QUERIES_SCENARIOS);
    }

    @Test
    void theProfilesFileTheReferenceGeneratorWritesHoldsTheSamePeople() {
        List<ParsedRecord> profiles = read(ReferenceFiles.PROFILES, ScenarioFormat.PROFILES);
        List<ParsedRecord> queries = read(ReferenceFiles.QUERIES, ScenarioFormat.QUERIES);
        assertThat(profiles).allSatisfy(record -> assertThat(record.problems()).isEmpty());
        assertThat(profiles)
                .extracting(ParsedRecord::profile)
                .containsExactlyElementsOf(
                        queries.stream().map(ParsedRecord::profile).toList());
        assertThat(profiles)
                .extracting(record -> record.place().issue())
                .containsExactly("Panic Attack", "Credit Card Debt", "Credit Card Debt");
    }

    @Test
    void aNumericAgeIsReadAsItsDecimalTextAndHeldToTheAgeRange() {
        assertThat(ageOf("19")).isEqualTo("19");
        assertThat(ageOf("19.0")).as("a whole number from a float column").isEqualTo("19");
        assertThat(ageOf("0")).isEqualTo("0");
        assertThat(ageOf("130")).isEqualTo("130");
        assertThat(ageProblems("19.5"))
                .containsExactly("record 1, field 'User_Profile.Age': expected whole years (0..130) or a band such"
                        + " as 25-34, found a number with a fraction");
        assertThat(ageProblems("131")).containsExactly("record 1, field 'User_Profile.Age': outside 0..130 years");
        assertThat(ageProblems("-1")).containsExactly("record 1, field 'User_Profile.Age': outside 0..130 years");
        assertThat(ageProblems("1e300")).containsExactly("record 1, field 'User_Profile.Age': outside 0..130 years");
        assertThat(ageProblems("\"thirty-four\""))
                .containsExactly("record 1, field 'User_Profile.Age': expected whole years (0..130) or a band such"
                        + " as 25-34");
        assertThat(ageOf("\"25-34\"")).isEqualTo("25-34");
    }

    @Test
    void aNumberForAnAttributeOtherThanAgeIsAnError() {
        String numericIncome = PROFILE.replace("\"Middle income\"", "50000");
        assertThat(read("[" + queriesRecord(numericIncome, "[\"q\"]") + "]", ScenarioFormat.QUERIES)
                        .get(0)
                        .problems())
                .extracting(ImportProblem::toString)
                .containsExactly("record 1, field 'User_Profile.Economic Status': expected a string, found a number");
    }

    @Test
    void theScenarioRepeatedInsideTheProfileMustBeTheRecordsScenario() {
        String repeated = PROFILE.replace("}", ", \"Scenario\": \"Panic Attack\"}");
        String other = PROFILE.replace("}", ", \"Scenario\": \"Exam Failure\"}");
        String notText = PROFILE.replace("}", ", \"Scenario\": 7}");
        List<ParsedRecord> records = read(
                "[" + queriesRecord(repeated, "[\"q\"]") + ", " + queriesRecord(other, "[\"q\"]") + ", "
                        + queriesRecord(notText, "[\"q\"]") + "]",
                ScenarioFormat.QUERIES);
        assertThat(records.get(0).problems()).isEmpty();
        assertThat(records.get(1).problems())
                .extracting(ImportProblem::toString)
                .containsExactly("record 2, field 'User_Profile.Scenario': differs from the record's Scenario");
        assertThat(records.get(2).problems())
                .extracting(ImportProblem::toString)
                .containsExactly("record 3, field 'User_Profile.Scenario': expected a string, found a number");
    }

    @Test
    void aFileThatEndsInsideARecordSaysWhichRecordAtEveryCut() {
        String text = ReferenceFiles.QUERIES;
        List<int[]> records = topLevelObjects(text);
        assertThat(records).hasSize(3);
        for (int number = 1; number <= records.size(); number++) {
            int[] span = records.get(number - 1);
            for (int cut = span[0] + 1; cut <= span[1]; cut++) {
                String truncated = text.substring(0, cut);
                int expected = number;
                assertThatThrownBy(() -> read(truncated, ScenarioFormat.QUERIES))
                        .as("cut at %d", cut)
                        .isInstanceOfSatisfying(MalformedFileException.class, e -> {
                            assertThat(e.problem().record()).isEqualTo(expected);
                            assertThat(e.problem().field()).isNull();
                            assertThat(e.problem().problem())
                                    .startsWith(
                                            "the file ends inside record " + expected + " (truncated JSON?) at line ")
                                    .contains(", column ");
                        });
            }
        }
    }

    @Test
    void aFileThatEndsBetweenRecordsSaysTheArrayIsNotClosed() {
        String text = ReferenceFiles.QUERIES;
        int afterFirst = topLevelObjects(text).get(0)[1] + 1;
        assertThatThrownBy(() -> read(text.substring(0, afterFirst + 1), ScenarioFormat.QUERIES))
                .isInstanceOfSatisfying(
                        MalformedFileException.class,
                        e -> assertThat(e.problem().toString())
                                .isEqualTo("record 2: the file ends before the array is closed (truncated JSON?) at"
                                        + " line 22, column 7"));
        assertThatThrownBy(() -> read("[{\"Scenario\": \"Panic Attack\",, }]", ScenarioFormat.QUERIES))
                .as("a syntax error near the end is no truncation")
                .hasMessage("record 1: not valid JSON at line 1, column 30");
    }

    /** [offset of '{', offset of the matching '}'] of each record of a reference file (indented by four). */
    private static List<int[]> topLevelObjects(String text) {
        List<int[]> spans = new ArrayList<>();
        int open = -1;
        for (int i = 0; i < text.length(); i++) {
            if (text.startsWith("\n    {", i)) {
                open = i + 5;
            } else if (text.startsWith("\n    }", i)) {
                spans.add(new int[] {open, i + 5});
            }
        }
        return spans;
    }

    private static String ageOf(String json) {
        ParsedRecord record = read(
                        "[" + queriesRecord(PROFILE.replace("\"Age\": \"34\"", "\"Age\": " + json), "[\"q\"]") + "]",
                        ScenarioFormat.QUERIES)
                .get(0);
        assertThat(record.problems()).isEmpty();
        return record.profile().get(Attribute.AGE);
    }

    private static List<String> ageProblems(String json) {
        return read(
                        "[" + queriesRecord(PROFILE.replace("\"Age\": \"34\"", "\"Age\": " + json), "[\"q\"]") + "]",
                        ScenarioFormat.QUERIES)
                .get(0)
                .problems()
                .stream()
                .map(ImportProblem::toString)
                .toList();
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
