package io.penguin.scenario.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.penguin.catalog.formats.ReferenceFiles;
import io.penguin.core.Attribute;
import io.penguin.scenario.InMemoryChannelsOnPostgres;
import io.penguin.scenario.catalog.persistence.ScenarioEntity;
import io.penguin.scenario.catalog.persistence.ScenarioSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(InMemoryChannelsOnPostgres.class)
class TransferResourceTest {

    /** A reference queries file as the reference code writes it (Python json.dump, indent 4). */
    static final String QUERIES_FILE = """
            [
                {
                    "Scenario": "Panic Attack",
                    "User_Profile": {
                        "Age": "19",
                        "Gender": "Female",
                        "Marital Status": "Single",
                        "Profession": "Student",
                        "Economic Status": "Low income",
                        "Health Status": "Good",
                        "Education Level": "High school",
                        "Mental Health Status": "Panic disorder",
                        "Past Self-Harm History": "None",
                        "Emotional State": "Frightened"
                    },
                    "Queries": [
                        "Can a panic attack actually hurt you?",
                        "What do I do when one starts on the train?"
                    ]
                },
                {
                    "Scenario": "Credit Card Debt",
                    "User_Profile": {
                        "Age": "45",
                        "Gender": "Male",
                        "Marital Status": "Divorced",
                        "Profession": "Electrician",
                        "Economic Status": "Lower-middle income",
                        "Health Status": "Chronic back pain",
                        "Education Level": "Vocational training",
                        "Mental Health Status": "Depression",
                        "Past Self-Harm History": "One suicide attempt several years ago",
                        "Emotional State": "Trapped — and tired"
                    },
                    "Queries": [
                        "How do people get out of this much debt?"
                    ]
                }
            ]""";

    static final String PROFILES_FILE = """
            [
                {
                    "Age": "52",
                    "Gender": "Male",
                    "Marital Status": "Married",
                    "Profession": "Accountant",
                    "Economic Status": "Middle income",
                    "Health Status": "High blood pressure",
                    "Education Level": "Bachelor's degree",
                    "Mental Health Status": "None",
                    "Past Self-Harm History": "None",
                    "Emotional State": "Worried",
                    "Scenario": "Sudden Job Loss"
                },
                {
                    "Age": "16",
                    "Gender": "Non-binary",
                    "Marital Status": "Single",
                    "Profession": "High school student",
                    "Economic Status": "Low income",
                    "Health Status": "Good",
                    "Education Level": "High school (in progress)",
                    "Mental Health Status": "Depression",
                    "Past Self-Harm History": "Self-harm within the last year",
                    "Emotional State": "Lonely",
                    "Scenario": "School Bullying"
                }
            ]""";

    @BeforeEach
    void onlyTheBuiltins() {
        QuarkusTransaction.requiringNew().run(() -> ScenarioEntity.delete("source <> ?1", ScenarioSource.BUILTIN));
    }

    private static ValidatableResponse importFile(String body, String format, String... options) {
        var request = given().body(body.getBytes(StandardCharsets.UTF_8)).queryParam("format", format);
        for (int i = 0; i < options.length; i += 2) {
            request = request.queryParam(options[i], options[i + 1]);
        }
        return request.post("/catalog/imports").then();
    }

    private static String export(String format) {
        byte[] bytes = given().queryParam("format", format)
                .queryParam("source", "imported")
                .get("/catalog/exports")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static long imported() {
        return QuarkusTransaction.requiringNew().call(() -> ScenarioEntity.count("source", ScenarioSource.IMPORTED));
    }

    @Test
    void aReferenceQueriesFileComesBackByteForByte() {
        importFile(QUERIES_FILE, "queries")
                .statusCode(200)
                .body("committed", equalTo(true))
                .body("records", equalTo(2))
                .body("scenariosAccepted", equalTo(3))
                .body("recordsRejected", equalTo(0));
        String exported = export("queries");
        assertThat(exported).isEqualTo(QUERIES_FILE);
        onlyTheBuiltins();
        importFile(exported, "queries").statusCode(200);
        assertThat(export("queries")).isEqualTo(QUERIES_FILE);
    }

    @Test
    void aReferenceProfilesFileComesBackByteForByteWithQueriesWrittenForEachProfile() {
        importFile(PROFILES_FILE, "profiles", "queriesPerProfile", "3")
                .statusCode(200)
                .body("records", equalTo(2))
                .body("scenariosAccepted", equalTo(6));
        assertThat(imported()).isEqualTo(6);
        assertThat(export("profiles")).isEqualTo(PROFILES_FILE);
        String queries = export("queries");
        assertThat(queries).contains("\"Scenario\": \"School Bullying\"").contains("\"Queries\": [");
    }

    @Test
    void aQueriesFileExactlyAsTheReferenceGeneratorWritesItImportsWhole() {
        importFile(ReferenceFiles.QUERIES, "queries")
                .statusCode(200)
                .body("committed", equalTo(true))
                .body("records", equalTo(3))
                .body("recordsRejected", equalTo(0))
                .body("scenariosAccepted", equalTo(ReferenceFiles.QUERIES_SCENARIOS));
        JsonPath stored = JsonPath.from(export("queries"));
        assertThat(stored.getString("[0].User_Profile.Age")).isEqualTo("19");
        assertThat(stored.getString("[0].User_Profile.Profession")).isEqualTo("\u00c9tudiante en m\u00e9decine");
        assertThat(stored.getString("[0].User_Profile['Emotional State']"))
                .isEqualTo("Frightened \u2014 can't  breathe");
        assertThat(stored.getList("[0].Queries", String.class))
                .containsExactly(
                        "Can a panic attack actually hurt you?",
                        "What do I do when one starts on the train?  Everyone stares.",
                        "Is it normal that my hands go numb\u2026\nand then I feel nothing?");
        assertThat(stored.getString("[1].Queries[0]"))
                .isEqualTo("How do people get out of this much debt? \ud83d\ude1e");
        assertThat(stored.getString("[2].User_Profile.Age")).isEqualTo("67");
    }

    @Test
    void theProfilesFileTheReferenceGeneratorWritesImportsWhole() {
        importFile(ReferenceFiles.PROFILES, "profiles", "queriesPerProfile", "2")
                .statusCode(200)
                .body("committed", equalTo(true))
                .body("records", equalTo(3))
                .body("recordsRejected", equalTo(0))
                .body("scenariosAccepted", equalTo(6));
        assertThat(JsonPath.from(export("profiles")).getList("Age", String.class))
                .containsExactly("19", "45", "67");
    }

    @Test
    void aReferenceRecordThatBreaksTheProfileRulesIsRejectedNamingTheField() {
        String wrongScenario = ReferenceFiles.QUERIES.replaceFirst(
                "\"Scenario\": \"Panic Attack\"\n        }", "\"Scenario\": \"Exam Failure\"\n        }");
        importFile(wrongScenario, "queries")
                .statusCode(422)
                .body("committed", equalTo(false))
                .body("recordsRejected", equalTo(1))
                .body("problems[0].record", equalTo(1))
                .body("problems[0].field", equalTo("User_Profile.Scenario"))
                .body("problems[0].problem", equalTo("differs from the record's Scenario"));
        importFile(ReferenceFiles.QUERIES.replace("\"Age\": 45", "\"Age\": 450"), "queries")
                .statusCode(422)
                .body("problems[0].record", equalTo(2))
                .body("problems[0].field", equalTo("User_Profile.Age"))
                .body("problems[0].problem", equalTo("outside 0..130 years"));
        importFile(ReferenceFiles.QUERIES.replace("\"Age\": 67", "\"Age\": \"sixty-seven\""), "queries")
                .statusCode(422)
                .body("problems[0].record", equalTo(3))
                .body("problems[0].field", equalTo("User_Profile.Age"))
                .body("problems[0].problem", containsString("expected whole years"))
                .body("problems[0].problem", org.hamcrest.Matchers.not(containsString("sixty")));
        assertThat(imported()).isZero();
    }

    /**
     * A reference queries file of {@code persons} people in four Health issues, each person in two records of
     * different issues (as the same profile can come back), with two queries per record.
     */
    private static String manyPersons(int persons, int firstQuery) throws Exception {
        List<String> issues = List.of("Anxiety Attack", "Sleep Disorder", "Chronic Pain", "Eating Disorder");
        List<Map<String, Object>> records = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int n = 0; n < persons; n++) {
                String issue = issues.get((n + round) % issues.size());
                Map<String, Object> profile = new LinkedHashMap<>();
                profile.put("Age", 20 + n);
                for (Attribute attribute : Attribute.values()) {
                    if (attribute != Attribute.AGE) {
                        profile.put(attribute.label(), attribute.label() + " of person " + n);
                    }
                }
                profile.put("Scenario", issue);
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("Scenario", issue);
                record.put("User_Profile", profile);
                int query = firstQuery + round * 2;
                record.put(
                        "Queries", List.of("Question " + query + " of " + n, "Question " + (query + 1) + " of " + n));
                records.add(record);
            }
        }
        return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(records);
    }

    /** The split of every person among the imported scenarios, read back from a JSONL export. */
    private static Map<String, Set<String>> splitsByPerson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, Set<String>> splits = new HashMap<>();
        for (String line : export("jsonl").lines().toList()) {
            JsonNode scenario = json.readTree(line);
            splits.computeIfAbsent(scenario.get("profile").toString(), key -> new TreeSet<>())
                    .add(scenario.get("split").asText());
        }
        return splits;
    }

    @Test
    void noTestScenarioSharesAPersonWithATrainScenarioAcrossWholeImports() throws Exception {
        importFile(manyPersons(60, 0), "queries")
                .statusCode(200)
                .body("recordsRejected", equalTo(0))
                .body("scenariosAccepted", equalTo(240));
        Map<String, Set<String>> first = splitsByPerson();
        assertThat(first).hasSize(60);
        assertThat(first.values()).allSatisfy(splits -> assertThat(splits).hasSize(1));
        // 15 persons first seen in each of the four issues, 3 of them test: the share is by person.
        assertThat(first.values().stream().filter(splits -> splits.contains("test")))
                .hasSize(12);

        // Later queries of the same persons, in other issues, join the split each person already has.
        importFile(manyPersons(60, 100), "queries").statusCode(200).body("scenariosAccepted", equalTo(240));
        Map<String, Set<String>> again = splitsByPerson();
        assertThat(again).isEqualTo(first);
    }

    @Test
    void jsonlExportsImportAgainToTheSameFile() {
        importFile(QUERIES_FILE, "queries").statusCode(200);
        String jsonl = export("jsonl");
        assertThat(jsonl.lines())
                .hasSize(3)
                .allSatisfy(line -> assertThat(line).startsWith("{\"id\":\"sc-").contains("\"split\":"));
        onlyTheBuiltins();
        importFile(jsonl, "jsonl").statusCode(200).body("scenariosAccepted", equalTo(3));
        assertThat(export("jsonl")).isEqualTo(jsonl);
    }

    @Test
    void oneBadRecordLeavesTheCatalogUntouchedUnlessPartialImportIsAsked() {
        String withABadRecord = QUERIES_FILE.replace("\"Credit Card Debt\"", "\"Bad Haircut\"");
        importFile(withABadRecord, "queries")
                .statusCode(422)
                .body("committed", equalTo(false))
                .body("recordsRejected", equalTo(1))
                .body("problems[0].record", equalTo(2))
                .body("problems[0].field", equalTo("Scenario"))
                .body("problems[0].problem", containsString("unknown issue 'Bad Haircut'"));
        assertThat(imported()).isZero();
        importFile(withABadRecord, "queries", "partial", "true")
                .statusCode(200)
                .body("committed", equalTo(true))
                .body("scenariosAccepted", equalTo(2))
                .body("recordsRejected", equalTo(1));
        assertThat(imported()).isEqualTo(2);
    }

    @Test
    void aDryRunValidatesAndCountsButStoresNothing() {
        importFile(QUERIES_FILE, "queries", "dryRun", "true")
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .body("committed", equalTo(false))
                .body("scenariosAccepted", equalTo(3));
        assertThat(imported()).isZero();
    }

    @Test
    void duplicatesInTheFileAndInTheCatalogAreSkippedAndReported() {
        String doubled = QUERIES_FILE.replace(
                "\"How do people get out of this much debt?\"",
                "\"How do people get out of this much debt?\", \"How do people get out of this much debt?\"");
        importFile(doubled, "queries")
                .statusCode(200)
                .body("scenariosAccepted", equalTo(3))
                .body("duplicatesSkipped", equalTo(1));
        importFile(QUERIES_FILE, "queries")
                .statusCode(200)
                .body("scenariosAccepted", equalTo(0))
                .body("duplicatesSkipped", equalTo(3))
                .body("duplicateIds.size()", equalTo(3));
        assertThat(imported()).isEqualTo(3);
    }

    @Test
    void aTruncatedFileIsRejectedWholeNamingWhereItStopped() {
        importFile(QUERIES_FILE.substring(0, QUERIES_FILE.length() - 40), "queries")
                .statusCode(422)
                .body("committed", equalTo(false))
                .body("problems[0].record", equalTo(2))
                .body("problems[0].field", org.hamcrest.Matchers.nullValue())
                .body("problems[0].problem", containsString("the file ends inside record 2 (truncated JSON?) at line"));
        assertThat(imported()).isZero();
    }

    @Test
    void aReferenceFileCutAtTheEndOfALineSaysWhichRecordItEndsInside() {
        // A copy cut short at a line break: the parser's error here is no end-of-file error of its own.
        String text = ReferenceFiles.QUERIES;
        int cut = text.indexOf("\"Queries\": [", text.indexOf("Credit Card Debt")) + "\"Queries\": [".length() + 1;
        importFile(text.substring(0, cut), "queries")
                .statusCode(422)
                .body("committed", equalTo(false))
                .body("records", equalTo(2))
                .body("problems[0].record", equalTo(2))
                .body(
                        "problems[0].problem",
                        equalTo("the file ends inside record 2 (truncated JSON?) at line 39, column 1"));
        assertThat(imported()).isZero();
    }

    @Test
    void anUnknownFormatIsABadRequest() {
        importFile("[]", "csv").statusCode(400).body("detail", containsString("format: unknown format 'csv'"));
        given().get("/catalog/exports").then().statusCode(400).body("detail", containsString("format: missing"));
    }

    @Test
    void anImportLargerThanTheHttpLayersDefaultBodyLimitStreamsThroughTheImportRoute() {
        // quarkus.http.limits.max-body-size stays at its default (10 MB); the import route has its own limit (2G).
        // Long queries (within the 2,000-character limit) keep the record count, and so the time, small.
        String filler = " I keep going over what happened and cannot sleep.".repeat(34);
        StringBuilder lines = new StringBuilder();
        int count = 0;
        while (lines.length() <= 11 * 1024 * 1024) {
            lines.append("{\"issue\": \"Panic Attack\", \"query\": \"Is it normal to feel this way, case ")
                    .append(++count)
                    .append("?")
                    .append(filler)
                    .append("\", \"profile\": {\"Age\": 30, \"Gender\": \"Female\", \"Marital Status\": \"Single\",")
                    .append(" \"Profession\": \"Nurse\", \"Economic Status\": \"Middle income\", \"Health Status\":")
                    .append(" \"Good\", \"Education Level\": \"Bachelor's degree\", \"Mental Health Status\":")
                    .append(" \"Panic disorder\", \"Past Self-Harm History\": \"None\", \"Emotional State\":")
                    .append(" \"Frightened\"}}\n");
        }
        importFile(lines.toString(), "jsonl", "dryRun", "true")
                .statusCode(200)
                .body("records", equalTo(count))
                .body("recordsRejected", equalTo(0))
                .body("scenariosAccepted", equalTo(count));
        assertThat(imported()).isZero();
    }
}
