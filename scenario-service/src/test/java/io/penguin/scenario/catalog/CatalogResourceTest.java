package io.penguin.scenario.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import io.penguin.catalog.ScenarioIds;
import io.penguin.contracts.Events;
import io.penguin.contracts.GenerationRequested;
import io.penguin.core.Attribute;
import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Profile;
import io.penguin.core.Scenario;
import io.penguin.core.Taxonomy;
import io.penguin.scenario.InMemoryChannelsOnPostgres;
import io.penguin.scenario.catalog.persistence.CatalogWriter;
import io.penguin.scenario.catalog.persistence.ScenarioEntity;
import io.penguin.scenario.catalog.persistence.ScenarioSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(InMemoryChannelsOnPostgres.class)
class CatalogResourceTest {

    private static final String ISSUE = "Ponzi Scheme Victim";

    @Inject
    CatalogWriter writer;

    @Inject
    @Any
    InMemoryConnector connector;

    private InMemorySink<Record<String, String>> workItems;

    @BeforeEach
    void onlyTheBuiltinsAndTwentyImportedScenariosOfOneIssue() {
        workItems = connector.sink("generation-requests");
        workItems.clear();
        QuarkusTransaction.requiringNew().run(() -> ScenarioEntity.delete("source <> ?1", ScenarioSource.BUILTIN));
        twentyImportedScenariosOfOneIssue();
    }

    private void twentyImportedScenariosOfOneIssue() {
        Taxonomy.IssuePlace place = Taxonomy.standard().require(ISSUE);
        QuarkusTransaction.requiringNew().run(() -> {
            try (CatalogWriter.Batch batch = writer.open(ScenarioSource.IMPORTED, (record, id) -> {})) {
                for (int i = 0; i < 20; i++) {
                    Map<Attribute, String> values = new EnumMap<>(Attribute.class);
                    for (Attribute attribute : Attribute.values()) {
                        values.put(attribute, attribute == Attribute.AGE ? Integer.toString(20 + i) : "value " + i);
                    }
                    Profile profile = Profile.of(values);
                    String query = "Should I sell what is left, attempt " + i + "?";
                    batch.add(
                            i,
                            new Scenario(
                                    ScenarioIds.of(ISSUE, profile, query),
                                    place.domain(),
                                    place.subcategory(),
                                    ISSUE,
                                    query,
                                    profile));
                }
                batch.flush();
            }
        });
    }

    @Test
    void builtinScenariosAreStoredOnceAndListedWithoutQueriesOrProfiles() {
        String body = given().queryParam("source", "builtin")
                .queryParam("size", 100)
                .get("/scenarios")
                .then()
                .statusCode(200)
                .body("total", equalTo(14))
                .body("items.size()", equalTo(14))
                .body("items.source", everyItem(equalTo("builtin")))
                .extract()
                .asString();
        assertThat(body).doesNotContain("Hopeless").doesNotContain("query").doesNotContain("profile");
    }

    @Test
    void filtersByIssueAndSplitAndPagesInIdOrder() {
        given().queryParam("issue", ISSUE)
                .queryParam("source", "imported")
                .get("/scenarios/counts")
                .then()
                .statusCode(200)
                .body("find { it.domain == 'Financial' }.total", equalTo(20))
                .body("find { it.domain == 'Financial' }.test", equalTo(4))
                .body("find { it.domain == 'Financial' }.train", equalTo(16))
                .body("find { it.domain == 'Health' }.total", equalTo(0));
        List<String> firstPage = given().queryParam("issue", ISSUE)
                .queryParam("size", 15)
                .get("/scenarios")
                .then()
                .body("total", equalTo(20))
                .body("items.size()", equalTo(15))
                .extract()
                .path("items.id");
        List<String> secondPage = given().queryParam("issue", ISSUE)
                .queryParam("size", 15)
                .queryParam("page", 1)
                .get("/scenarios")
                .then()
                .body("items.size()", equalTo(5))
                .extract()
                .path("items.id");
        assertThat(firstPage).isSorted().doesNotContainAnyElementsOf(secondPage);
        given().queryParam("issue", ISSUE)
                .queryParam("split", "test")
                .get("/scenarios")
                .then()
                .body("total", equalTo(4))
                .body("items.split", everyItem(equalTo("test")));
    }

    @Test
    void rereadingTheSameScenariosSkipsThemAsDuplicatesAndKeepsTheirSplit() {
        List<String> before = given().queryParam("issue", ISSUE)
                .queryParam("split", "test")
                .get("/scenarios")
                .then()
                .extract()
                .path("items.id");
        twentyImportedScenariosOfOneIssue();
        given().queryParam("issue", ISSUE)
                .queryParam("split", "test")
                .get("/scenarios")
                .then()
                .body("total", equalTo(4))
                .body("items.id", equalTo(before));
    }

    @Test
    void oneScenarioShowsItsPlaceAndTheOwnerSeesItsContent() {
        Scenario builtin = BuiltinScenarios.all().get(0);
        given().get("/scenarios/{id}", builtin.id())
                .then()
                .statusCode(200)
                .body("issue", equalTo(builtin.issue()))
                .body("query", equalTo(null));
        // Tests call from loopback, which is the owner when no token is configured.
        given().get("/scenarios/{id}/content", builtin.id())
                .then()
                .statusCode(200)
                .body("query", equalTo(builtin.query()))
                .body("profile.'Emotional State'", equalTo(builtin.profile().get(Attribute.EMOTIONAL_STATE)));
        given().get("/scenarios/{id}", "nope").then().statusCode(404).body("detail", containsString("nope"));
    }

    @Test
    void rejectsUnknownFiltersNamingTheParameter() {
        given().queryParam("issue", "Bad Haircut")
                .get("/scenarios")
                .then()
                .statusCode(400)
                .body("detail", containsString("issue: unknown issue 'Bad Haircut'"));
        given().queryParam("split", "validation")
                .get("/scenarios")
                .then()
                .statusCode(400)
                .body("detail", containsString("split: unknown split 'validation'"));
    }

    @Test
    void runsSampleByIssueAndSplitReproduciblyForASeed() {
        String request = "{\"conditions\":[\"context-free\"],\"source\":\"any\",\"issues\":[\"" + ISSUE
                + "\"],\"split\":\"train\"," + "\"sample\":5,\"seed\":42}";
        List<String> first = startRunAndCollectScenarioIds(request);
        List<String> second = startRunAndCollectScenarioIds(request);
        List<String> otherSeed = startRunAndCollectScenarioIds(request.replace("42", "7"));
        assertThat(first).hasSize(5).doesNotHaveDuplicates().isEqualTo(second);
        assertThat(otherSeed).hasSize(5).isNotEqualTo(first);
        List<String> train = given().queryParam("issue", ISSUE)
                .queryParam("split", "train")
                .get("/scenarios")
                .then()
                .extract()
                .path("items.id");
        assertThat(train).containsAll(first).containsAll(otherSeed);
    }

    private List<String> startRunAndCollectScenarioIds(String request) {
        workItems.clear();
        given().contentType(ContentType.JSON)
                .body(request)
                .post("/runs")
                .then()
                .statusCode(202)
                .body("total", equalTo(5));
        return workItems.received().stream()
                .map(message -> Events.decode(message.getPayload().value(), GenerationRequested.class)
                        .scenario()
                        .id())
                .toList();
    }
}
