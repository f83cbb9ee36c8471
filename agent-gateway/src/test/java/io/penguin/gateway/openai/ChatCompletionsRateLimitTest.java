package io.penguin.gateway.openai;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.penguin.embedded.EmbeddedInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ChatCompletionsRateLimitTest.ThreeMessagesAMinute.class)
@WithTestResource(EmbeddedInfrastructureResource.class)
class ChatCompletionsRateLimitTest {

    /** A client may send three messages a minute. */
    public static class ThreeMessagesAMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("penguin.gateway.limits.client-messages-per-minute", "3");
        }
    }

    @Test
    void aClientOverItsMessagesPerMinuteGets429WithRetryAfterInOpenAisShape() {
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", "Bearer " + ChatCompletionsResourceTest.KEY)
                    .get("/v1/models")
                    .then()
                    .statusCode(200);
        }

        Response refused = given().header("Authorization", "Bearer " + ChatCompletionsResourceTest.KEY)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "model",
                        "reference",
                        "messages",
                        List.of(Map.of("role", "user", "content", ChatCompletionsResourceTest.RISKY))))
                .post("/v1/chat/completions");

        refused.then()
                .statusCode(429)
                .contentType(ContentType.JSON)
                .body("error.type", equalTo("requests"))
                .body("error.code", equalTo("rate_limit_exceeded"));
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
    }
}
