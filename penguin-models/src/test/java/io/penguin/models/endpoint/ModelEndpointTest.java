package io.penguin.models.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.penguin.fakellm.FakeLlmServer;
import io.penguin.fakellm.FakeReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The endpoint's limits and budget, against the fake OpenAI-compatible server over real HTTP. */
class ModelEndpointTest {

    private final FakeLlmServer fake = FakeLlmServer.start();

    @AfterEach
    void stop() {
        fake.close();
    }

    private EndpointSettings.Builder settings() {
        return EndpointSettings.builder("fake", fake.baseUrl(), "fake-model")
                .backoff(Duration.ofMillis(20), Duration.ofMillis(100))
                .timeout(Duration.ofSeconds(5));
    }

    private static ChatCall call(String text) {
        return ChatCall.of("system", text);
    }

    @Test
    void retriesTransientFailuresAndHonoursRetryAfter() {
        fake.enqueue(FakeReply.rateLimited(Duration.ofSeconds(1)), FakeReply.status(500));
        ModelEndpoint endpoint = ModelEndpoint.openAi(settings().maxRetries(3).build(), EndpointObserver.NONE);

        ChatResult result = endpoint.chat(call("hello"));

        assertThat(result.text()).isEqualTo("fake reply to: hello");
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(fake.requests()).isEqualTo(3);
        List<Long> arrivals = fake.arrivalNanos();
        assertThat(Duration.ofNanos(arrivals.get(1) - arrivals.get(0))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(Duration.ofNanos(arrivals.get(2) - arrivals.get(1))).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void failsExplicitlyWhenTheRetryBudgetIsSpent() {
        fake.enqueue(FakeReply.status(500), FakeReply.status(502), FakeReply.status(503));
        ModelEndpoint endpoint = ModelEndpoint.openAi(settings().maxRetries(2).build(), EndpointObserver.NONE);

        assertThatThrownBy(() -> endpoint.chat(call("hello")))
                .isInstanceOf(ModelCallFailedException.class)
                .hasMessageContaining("'fake' failed after 3 attempt(s)")
                .hasMessageContaining("HTTP 503, retry budget of 2 spent");
        assertThat(fake.requests()).isEqualTo(3);
    }

    @Test
    void doesNotRetryAClientError() {
        fake.enqueue(FakeReply.status(400));
        ModelEndpoint endpoint = ModelEndpoint.openAi(settings().maxRetries(3).build(), EndpointObserver.NONE);

        assertThatThrownBy(() -> endpoint.chat(call("hello")))
                .isInstanceOf(ModelCallFailedException.class)
                .hasMessageContaining("HTTP 400 (not transient)");
        assertThat(fake.requests()).isEqualTo(1);
    }

    @Test
    void failsWhenRetryAfterExceedsTheLongestHonouredWait() {
        fake.enqueue(FakeReply.rateLimited(Duration.ofSeconds(600)));
        ModelEndpoint endpoint = ModelEndpoint.openAi(
                settings().maxRetries(3).maxRetryAfter(Duration.ofSeconds(10)).build(), EndpointObserver.NONE);

        assertThatThrownBy(() -> endpoint.chat(call("hello")))
                .isInstanceOf(ModelCallFailedException.class)
                .hasMessageContaining("Retry-After PT10M beyond max-retry-after PT10S");
        assertThat(fake.requests()).isEqualTo(1);
    }

    @Test
    void retriesATimeoutAndAMalformedBody() {
        fake.enqueue(FakeReply.hang(Duration.ofSeconds(3)), FakeReply.malformed());
        ModelEndpoint endpoint = ModelEndpoint.openAi(
                settings().maxRetries(2).timeout(Duration.ofMillis(300)).build(), EndpointObserver.NONE);

        ChatResult result = endpoint.chat(call("hello"));

        assertThat(result.attempts()).isEqualTo(3);
        assertThat(fake.count("hang")).isEqualTo(1);
        assertThat(fake.count("malformed")).isEqualTo(1);
        assertThat(fake.count("ok")).isEqualTo(1);
    }

    @Test
    void circuitOpensAfterConsecutiveFailuresAndClosesAfterASuccessfulProbe() {
        List<String> transitions = new java.util.concurrent.CopyOnWriteArrayList<>();
        EndpointObserver observer = new EndpointObserver() {
            @Override
            public void circuitChanged(String endpoint, String state) {
                transitions.add(state);
            }
        };
        fake.enqueue(FakeReply.status(500), FakeReply.status(500));
        ModelEndpoint endpoint = ModelEndpoint.openAi(
                settings().maxRetries(0).circuit(2, Duration.ofMillis(400)).build(), observer);

        assertThatThrownBy(() -> endpoint.chat(call("one"))).hasMessageContaining("HTTP 500");
        assertThatThrownBy(() -> endpoint.chat(call("two"))).hasMessageContaining("HTTP 500");
        assertThat(endpoint.circuitState()).isEqualTo("OPEN");
        assertThatThrownBy(() -> endpoint.chat(call("three")))
                .isInstanceOf(ModelCallFailedException.class)
                .hasMessageContaining("circuit open");
        assertThat(fake.requests()).as("an open circuit sends nothing").isEqualTo(2);

        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(() -> endpoint.chat(call("probe")).text().equals("fake reply to: probe"));
        assertThat(endpoint.circuitState()).isEqualTo("CLOSED");
        assertThat(transitions).containsSubsequence("OPEN", "HALF_OPEN", "CLOSED");
    }

    @Test
    void concurrencyNeverExceedsTheLimit() throws Exception {
        FakeLlmServer slow =
                FakeLlmServer.builder().latency(Duration.ofMillis(40)).start();
        try {
            ModelEndpoint endpoint = ModelEndpoint.openAi(
                    EndpointSettings.builder("slow", slow.baseUrl(), "m")
                            .concurrency(4)
                            .build(),
                    EndpointObserver.NONE);
            ExecutorService callers = Executors.newFixedThreadPool(16);
            List<Future<ChatResult>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String text = "q" + i;
                results.add(callers.submit(() -> endpoint.chat(call(text))));
            }
            for (Future<ChatResult> result : results) {
                assertThat(result.get().text()).startsWith("fake reply to: q");
            }
            callers.shutdown();
            assertThat(slow.requests()).isEqualTo(64);
            assertThat(slow.maxConcurrency()).isEqualTo(4);
        } finally {
            slow.close();
        }
    }

    @Test
    void adaptiveLimitHalvesWhenTheEndpointPushesBackAndRecoversAfterSuccesses() {
        List<Integer> limits = new java.util.concurrent.CopyOnWriteArrayList<>();
        EndpointObserver observer = new EndpointObserver() {
            @Override
            public void concurrencyLimitChanged(String endpoint, int limit) {
                limits.add(limit);
            }
        };
        fake.enqueue(FakeReply.rateLimited(Duration.ZERO));
        ModelEndpoint endpoint =
                ModelEndpoint.openAi(settings().concurrency(8).maxRetries(2).build(), observer);

        endpoint.chat(call("first"));
        assertThat(limits).first().isEqualTo(4);

        for (int i = 0; i < 40 && endpoint.concurrencyLimit() < 8; i++) {
            endpoint.chat(call("again " + i));
        }
        assertThat(endpoint.concurrencyLimit()).isEqualTo(8);
        assertThat(limits).containsSubsequence(4, 5, 6, 7, 8);
    }

    @Test
    void requestsPerMinuteLimitSpacesTheCalls() {
        ModelEndpoint endpoint =
                ModelEndpoint.openAi(settings().requestsPerMinute(600).build(), EndpointObserver.NONE);

        for (int i = 0; i < 4; i++) {
            endpoint.chat(call("r" + i));
        }

        List<Long> arrivals = fake.arrivalNanos();
        // 600 per minute is one call per 100 ms
        assertThat(Duration.ofNanos(arrivals.get(3) - arrivals.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }

    @Test
    void tokensPerMinuteLimitFailsACallThatGetsNoPermitInTime() {
        ModelEndpoint endpoint = ModelEndpoint.openAi(
                settings()
                        .tokensPerMinute(1000)
                        .maxTokens(400)
                        .rateLimitWait(Duration.ofMillis(200))
                        .build(),
                EndpointObserver.NONE);

        endpoint.chat(call("first"));
        endpoint.chat(call("second"));

        assertThatThrownBy(() -> endpoint.chat(call("third")))
                .isInstanceOf(ModelCallFailedException.class)
                .hasMessageContaining("no tokens-per-minute permit for 402 tokens within PT0.2S");
        assertThat(fake.requests()).as("the third call was never sent").isEqualTo(2);
    }

    @Test
    void validatesSettingsWithTheNameOfTheProblem() {
        assertThatThrownBy(() -> settings().concurrency(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model endpoint 'fake': concurrency must be at least 1, was 0");
        assertThatThrownBy(
                        () -> EndpointSettings.builder("x", "ftp://host", "m").build())
                .hasMessage("model endpoint 'x': base-url 'ftp://host' is not an http(s) URL");
        assertThatThrownBy(() -> settings().provider("anthropic").build())
                .hasMessage("model endpoint 'fake': provider 'anthropic' is not supported (supported: openai)");
    }

    @Test
    void parsesRetryAfterAsSecondsOrHttpDate() {
        assertThat(RetryAfterHttpClient.parseRetryAfter("7")).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryAfterHttpClient.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"))
                .isEqualTo(Duration.ZERO);
        assertThat(RetryAfterHttpClient.parseRetryAfter("soon")).isNull();
    }
}
