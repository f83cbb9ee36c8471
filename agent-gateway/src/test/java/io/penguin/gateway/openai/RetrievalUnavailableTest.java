package io.penguin.gateway.openai;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.penguin.agent.retrieval.PolicyIndex;
import io.penguin.embedded.EmbeddedInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An embedder that cannot load (its native tokenizer failed) is answered 503 with Retry-After, not 500. */
@QuarkusTest
@WithTestResource(EmbeddedInfrastructureResource.class)
@WithTestResource(FakeTargetResource.class)
class RetrievalUnavailableTest {

    @BeforeEach
    void breakTheEmbedder() {
        // as on a machine where the tokenizer's native library did not load: every query fails the same way
        QuarkusMock.installMockForType(
                new PolicyIndex(text -> new float[] {1}, text -> {
                    throw new NoClassDefFoundError(
                            "Could not initialize class ai.djl.huggingface.tokenizers.jni.LibUtils");
                }),
                PolicyIndex.class);
    }

    private static Map<String, Object> request(boolean stream) {
        return Map.of(
                "model",
                "reference",
                "stream",
                stream,
                "messages",
                List.of(Map.of("role", "user", "content", ChatCompletionsResourceTest.RISKY)));
    }

    @Test
    void aTurnThatNeedsRetrievalIsAnswered503NamingRetrievalWithRetryAfter() {
        for (boolean stream : List.of(false, true)) {
            given().header("Authorization", "Bearer " + ChatCompletionsResourceTest.KEY)
                    .contentType(ContentType.JSON)
                    .body(request(stream))
                    .post("/v1/chat/completions")
                    .then()
                    .statusCode(503)
                    .header("Retry-After", "30")
                    .contentType(startsWith("application/json"))
                    .body("error.type", equalTo("server_error"))
                    .body("error.code", equalTo("retrieval_unavailable"))
                    .body("error.message", startsWith("policy retrieval is unavailable"))
                    .body("error.message", containsString("NoClassDefFoundError"));
        }
    }
}
