package io.penguin.planner.planning;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.penguin.embedded.EmbeddedInfrastructureResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A policy holds its scenario's query text: the catalog owner's rule decides who reads it, here with a token set. */
@QuarkusTest
@TestProfile(PolicyOwnerTest.WithOwnerToken.class)
class PolicyOwnerTest {

    static final String TOKEN = "planner-test-owner-token";

    /** The planner on the embedded infrastructure with an owner token, as a deployment configures it. */
    public static class WithOwnerToken implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("penguin.catalog.owner-token", TOKEN);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(
                    new TestResourceEntry(EmbeddedInfrastructureResource.class, Map.of("database", "penguin_planner")));
        }
    }

    @Test
    void aPolicyIsRefusedWithoutTheOwnerToken() {
        given().get("/policies/{id}", "builtin-01")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("detail", containsString("penguin.catalog.owner-token"));
        given().header("Authorization", "Bearer not-the-token")
                .get("/policies/{id}", "builtin-01")
                .then()
                .statusCode(403);
    }

    @Test
    void theOwnerTokenPassesTheRule() {
        given().header("Authorization", "Bearer " + TOKEN)
                .get("/policies/{id}", "no-such-scenario")
                .then()
                .statusCode(404)
                .body("detail", containsString("no policy"));
    }
}
