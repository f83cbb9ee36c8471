package io.penguin.gateway.openai;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.penguin.embedded.EmbeddedInfrastructureResource;
import io.penguin.embedded.NodeClients;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ChatCompletionsRateLimitTest.ThreeMessagesAMinute.class)
@WithTestResource(EmbeddedInfrastructureResource.class)
class ChatCompletionsRateLimitTest {

    /** The key of a second client, whose minute only the SDK's script spends. */
    static final String SDK_KEY = "sdk-rate-limit-key";

    @TestHTTPResource("/")
    URI gateway;

    /** A client may send three messages a minute. */
    public static class ThreeMessagesAMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "penguin.gateway.limits.client-messages-per-minute",
                    "3",
                    "penguin.gateway.auth.clients.sdk-client.key-sha256",
                    // sha256 of SDK_KEY
                    "599fa69ca2a73418a581bfd4bbfb53568ab2bd9c3189b3396b8389cc3f8e4203");
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

    @Test
    void theOfficialSdkRaisesRateLimitErrorWithRetryAfter() throws Exception {
        NodeClients.assumeNode();

        // a client of its own, so that its minute starts with the script's first message
        NodeClients.Run run = NodeClients.run("openai-sdk-rate-limit-check.mjs", gateway, SDK_KEY);

        assertThat(run.output())
                .contains(
                        "ok 3 messages within the limit are served",
                        "ok the next message raises RateLimitError",
                        "ok the 429 carries Retry-After",
                        "all checks passed");
        assertThat(run.exitCode()).as(run.output()).isZero();
    }
}
