package io.penguin.scenario.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.penguin.embedded.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The listing's paging parameters: a bad one is a 400 problem naming it and its range, never a 404 or a 500. */
@QuarkusTest
@WithTestResource(
        value = EmbeddedInfrastructureResource.class,
        initArgs = @ResourceArg(name = "database", value = "penguin_scenario"))
class ScenarioPagingTest {

    private static void refused(String query, String parameter, String range) {
        given().get("/scenarios?" + query)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", allOf(containsString(parameter), containsString(range)));
    }

    @Test
    void aNonNumericPageIsA400NamingThePage() {
        refused("page=abc", "page", "0 to");
    }

    @Test
    void aNegativePageIsA400() {
        refused("page=-1", "page", "0 to");
    }

    @Test
    void aZeroNegativeNonNumericOrAbsurdSizeIsA400NamingTheBound() {
        refused("size=0", "size", "1 to 1000");
        refused("size=-5", "size", "1 to 1000");
        refused("size=ten", "size", "1 to 1000");
        refused("size=1000000", "size", "1 to 1000");
        refused("size=99999999999999999999", "size", "1 to 1000");
    }

    @Test
    void validPagingStillServesTheListing() {
        given().get("/scenarios?page=0&size=2")
                .then()
                .statusCode(200)
                .body("size", equalTo(2))
                .body("items.size()", equalTo(2));
    }
}
