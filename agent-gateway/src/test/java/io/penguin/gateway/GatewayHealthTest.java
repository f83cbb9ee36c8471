package io.penguin.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

import io.penguin.embedded.EmbeddedInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedInfrastructureResource.class)
class GatewayHealthTest {

    @Test
    void isReadyOnceKafkaAnswers() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.name", hasItem("Kafka connection health check"));
    }

    @Test
    void unknownPathGetsAProblemResponse() {
        given().get("/no-such-path").then().statusCode(404).contentType("application/problem+json");
    }
}
