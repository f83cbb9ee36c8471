package io.penguin.catalog.writing.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.penguin.catalog.writing.IssueMaterial;
import io.penguin.catalog.writing.OfflineScenarioWriter;
import io.penguin.catalog.writing.WrittenScenario;
import io.penguin.core.Attribute;
import io.penguin.core.AttributeVocabulary;
import io.penguin.core.Profile;
import io.penguin.core.Taxonomy;
import io.penguin.models.llm.Parsed;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The LLM generator's validation of model replies, without a model: every kind of bad reply, named by field. */
class ReplyParsersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Taxonomy.IssuePlace PLACE =
            Taxonomy.standard().find("Panic Attack").orElseThrow();
    private static final IssueMaterial ISSUE = IssueMaterial.of("Panic Attack");

    private final ProfileReplyParser profiles = new ProfileReplyParser(AttributeVocabulary.standard());
    private final QueriesReplyParser queries = new QueriesReplyParser();
    private final List<WrittenScenario> offline = new OfflineScenarioWriter().issue(5, PLACE, 2, 2);
    private final Profile valid = offline.get(0).scenario().profile();

    private static ObjectNode node(Profile profile) {
        return FakeScenarioWriter.profileNode(profile);
    }

    private List<String> profileProblems(String reply) {
        Parsed<Profile> checked = profiles.parse(reply, ISSUE, List.of());
        assertThat(checked.valid()).isFalse();
        return checked.problems();
    }

    @Test
    void aProfileFromTheOfflineGeneratorIsValidAndComesBackEqual() {
        Parsed<Profile> checked = profiles.parse(node(valid).toString(), ISSUE, List.of());
        assertThat(checked.problems()).isEmpty();
        assertThat(checked.value()).isEqualTo(valid);
    }

    @Test
    void notAnObjectTruncatedTrailingOrRepeatedKeysAreRefusedWhole() {
        String json = node(valid).toString();
        assertThat(profileProblems("")).containsExactly("the reply is empty; expected a JSON object");
        assertThat(profileProblems(json.substring(0, 30)))
                .containsExactly("the reply ends inside the JSON object (truncated JSON?)");
        assertThat(profileProblems("[" + json + "]")).containsExactly("expected a JSON object, found an array");
        assertThat(profileProblems("Here it is: " + json))
                .containsExactly("the reply is not valid JSON; expected only a JSON object");
        assertThat(profileProblems(json + " {}"))
                .containsExactly("the reply is not valid JSON; expected only a JSON object");
        assertThat(profileProblems(json.replace("{\"Age\"", "{\"Gender\": \"Male\", \"Age\"")))
                .containsExactly("the reply has a key twice");
    }

    @Test
    void keysMustBeExactlyTheTenAttributeNames() {
        ObjectNode extra = node(valid);
        extra.put("Hobby", "chess");
        extra.put("age", 30);
        assertThat(profileProblems(extra.toString()))
                .containsExactly("2 keys are not an attribute name; expected exactly " + Attribute.labels());
        ObjectNode missing = node(valid);
        missing.remove("Emotional State");
        assertThat(profileProblems(missing.toString())).containsExactly("Emotional State: missing");
    }

    @Test
    void wrongTypesAndValuesOutsideTheVocabularyAreNamedByFieldWithoutTheValue() {
        ObjectNode wrong = node(valid);
        wrong.put("Age", "thirty");
        wrong.putArray("Gender").add("Female");
        wrong.putNull("Profession");
        wrong.put("Mental Health Status", "Secretly very unwell");
        List<String> problems = profileProblems(wrong.toString());
        assertThat(problems)
                .containsExactlyInAnyOrder(
                        "Age: expected a whole number, found a string",
                        "Gender: expected a string, found an array",
                        "Profession: expected a string, found null",
                        "Mental Health Status: not one of the listed values");
        assertThat(String.join(" ", problems)).doesNotContain("thirty").doesNotContain("Secretly");
        ObjectNode old = node(valid);
        old.put("Age", 130);
        assertThat(profileProblems(old.toString())).containsExactly("Age: outside 13..90");
    }

    @Test
    void theOfflineGeneratorsConsistencyRulesAndDiversityApply() {
        ObjectNode inconsistent = node(valid);
        inconsistent.put("Mental Health Status", "None");
        inconsistent.put("Past Self-Harm History", "Multiple past suicide attempts");
        assertThat(profileProblems(inconsistent.toString()))
                .contains("Past Self-Harm History without any Mental Health Status");
        Parsed<Profile> again = profiles.parse(node(valid).toString(), ISSUE, List.of(valid));
        assertThat(again.problems())
                .containsExactly("too close to profile 1 of the issue (differs in 0 attributes; at least 3)");
    }

    @Test
    void queriesMustBeExactlyTheNumberedKeysEachANewBoundedString() {
        List<String> written = List.of(
                offline.get(0).scenario().query(), offline.get(1).scenario().query());
        ObjectNode good = JSON.createObjectNode().put("query_1", written.get(0)).put("query_2", written.get(1));
        assertThat(queries.parse(good.toString(), 2, Set.of()).value()).isEqualTo(written);

        ObjectNode bad = JSON.createObjectNode()
                .put("query_1", "a".repeat(1_048_576))
                .put("query_3", "extra")
                .put("query_4", 7);
        assertThat(queries.parse(bad.toString(), 4, Set.of()).problems())
                .containsExactly(
                        "query_1: 1048576 characters; at most 2000",
                        "query_2: missing",
                        "query_4: expected a string, found a number");
        ObjectNode unknown = good.deepCopy().put("queries", "x");
        assertThat(queries.parse(unknown.toString(), 2, Set.of()).problems())
                .containsExactly("1 key is not expected; expected exactly query_1 .. query_2");
        ObjectNode repeated = JSON.createObjectNode().put("query_1", "  ").put("query_2", written.get(0));
        assertThat(queries.parse(repeated.toString(), 2, Set.of(written.get(0))).problems())
                .containsExactly("query_1: blank", "query_2: repeats an earlier query of the issue");
        ObjectNode twice = JSON.createObjectNode().put("query_1", "same").put("query_2", "same");
        assertThat(queries.parse(twice.toString(), 2, Set.of()).problems())
                .containsExactly("query_2: repeats another query of this reply");
    }
}
