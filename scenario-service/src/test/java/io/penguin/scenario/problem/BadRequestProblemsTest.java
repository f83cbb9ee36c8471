package io.penguin.scenario.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.penguin.embedded.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every malformed body gets a 4xx problem+json that says what is wrong, from the shared problem mappers and body
 * limit of penguin-service-support: wrong types, a top-level array, deep nesting, bodies over the size limit declared
 * or chunked. The service keeps serving afterwards.
 */
@QuarkusTest
@WithTestResource(
        value = EmbeddedInfrastructureResource.class,
        initArgs = @ResourceArg(name = "database", value = "penguin_scenario"))
class BadRequestProblemsTest {

    /** Quarkus's default {@code quarkus.http.limits.max-body-size} (10240K), which this service keeps. */
    private static final int LIMIT = 10_240 * 1024;

    @TestHTTPResource("/")
    URI base;

    private static JsonPath problem(String path, String body, int status) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post(path)
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .extract()
                .jsonPath();
    }

    @AfterEach
    void theServiceStillServesANormalRequest() {
        given().get("/scenarios/builtin-01").then().statusCode(200);
    }

    @Test
    void aListFieldSentAsAStringIsA400NamingTheField() {
        JsonPath problem = problem("/runs", "{\"models\":\"reference\"}", 400);
        assertThat(problem.getInt("status")).isEqualTo(400);
        assertThat(problem.getString("detail")).contains("models").contains("a list");
        assertThat(problem.getString("instance")).isEqualTo("/runs");
    }

    @Test
    void aNumberFieldSentAsAWordIsA400NamingTheFieldAndTheValue() {
        assertThat(problem("/runs", "{\"sample\":\"many\"}", 400).getString("detail"))
                .contains("sample")
                .contains("a whole number")
                .contains("many");
    }

    @Test
    void aBodyCutShortInsideAFieldIsA400SayingItIsNotValidJson() {
        assertThat(problem("/runs", "{\"models\": [", 400).getString("detail"))
                .contains("not valid JSON")
                .contains("end-of-input");
    }

    @Test
    void aTopLevelArrayIsA400SayingAnObjectIsExpected() {
        assertThat(problem("/runs", "[1,2]", 400).getString("detail"))
                .contains("request body")
                .contains("an object");
        assertThat(problem("/plannings", "[1,2]", 400).getString("detail")).contains("an object");
    }

    @Test
    void jsonNestedFiveThousandDeepIsA400NamingTheParsingLimit() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        assertThat(problem("/runs", "{\"extra\":" + deep + "}", 400).getString("detail"))
                .contains("nesting");
        assertThat(problem("/runs", "{\"models\":" + deep + "}", 400).getString("detail"))
                .as("where the shape is wrong before the depth is reached, the field is named")
                .contains("models[0]");
    }

    @Test
    void aBodyDeclaredOverTheSizeLimitIsA413ProblemBeforeItIsSent() throws Exception {
        String response = declaring("/runs", LIMIT + 1L);

        assertThat(response).startsWith("HTTP/1.1 413");
        assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        assertThat(JsonPath.from(body).getInt("status")).isEqualTo(413);
        assertThat(JsonPath.from(body).getString("detail"))
                .contains("max-body-size")
                .contains(String.valueOf(LIMIT));
    }

    /** Sends only the head of a request declaring a body of {@code length} bytes, and reads the answer to its end. */
    private String declaring(String path, long length) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nContent-Type: application/json"
                    + "\r\nContent-Length: " + length + "\r\n\r\n{";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aChunkedBodyOverTheSizeLimitIsA413Problem() throws Exception {
        byte[] body = ("{\"scenarioIds\":[\"" + "x".repeat(LIMIT) + "\"]}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = chunked("runs", body);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JsonPath.from(response.body()).getString("detail")).contains("max-body-size");
    }

    @Test
    void aChunkedBodyWithinTheLimitIsReadWhole() throws Exception {
        byte[] body = "{\"scenarioIds\":[\"builtin-01\"],\"rollouts\":20}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = chunked("plannings", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(JsonPath.from(response.body()).getInt("scenarios")).isEqualTo(1);
    }

    /** A POST whose body has no declared length: the JDK client sends an input stream chunked. */
    private HttpResponse<String> chunked(String path, byte[] body) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
