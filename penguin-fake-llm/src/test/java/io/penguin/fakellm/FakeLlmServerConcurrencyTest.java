package io.penguin.fakellm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class FakeLlmServerConcurrencyTest {

    private static final String BODY = "{\"model\":\"fake\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void meanConcurrencyIsZeroBeforeAnyRequestAndNeverAboveThePeak() throws Exception {
        try (FakeLlmServer fake =
                FakeLlmServer.builder().latency(Duration.ofMillis(50)).start()) {
            assertThat(fake.meanConcurrency()).isZero();

            List<CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                replies.add(http.sendAsync(request(fake), HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> reply : replies) {
                assertThat(reply.get().statusCode()).isEqualTo(200);
            }

            assertThat(fake.meanConcurrency()).isPositive().isLessThanOrEqualTo(fake.maxConcurrency());
            fake.resetCounts();
            assertThat(fake.meanConcurrency()).isZero();
        }
    }

    @Test
    void oneRequestAtATimeHoldsAtMostOne() throws Exception {
        try (FakeLlmServer fake =
                FakeLlmServer.builder().latency(Duration.ofMillis(20)).start()) {
            for (int i = 0; i < 5; i++) {
                assertThat(http.send(request(fake), HttpResponse.BodyHandlers.ofString())
                                .statusCode())
                        .isEqualTo(200);
            }

            assertThat(fake.maxConcurrency()).isEqualTo(1);
            assertThat(fake.meanConcurrency()).isPositive().isLessThanOrEqualTo(1.0);
        }
    }

    private static HttpRequest request(FakeLlmServer fake) {
        return HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY))
                .build();
    }
}
