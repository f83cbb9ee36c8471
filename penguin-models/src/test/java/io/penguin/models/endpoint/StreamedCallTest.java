package io.penguin.models.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.penguin.fakellm.FakeLlmServer;
import io.penguin.fakellm.FakeReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Streamed calls ({@code "stream": true}) against the fake server over real HTTP, within the endpoint's limits. */
class StreamedCallTest {

    private final CountDownLatch gate = new CountDownLatch(1);
    private final FakeLlmServer fake = FakeLlmServer.builder().streamGate(gate).start();

    @AfterEach
    void stop() {
        gate.countDown();
        fake.close();
    }

    private EndpointSettings.Builder settings() {
        return EndpointSettings.builder("fake", fake.baseUrl(), "fake-model")
                .backoff(Duration.ofMillis(20), Duration.ofMillis(100))
                .timeout(Duration.ofSeconds(5));
    }

    @Test
    void relaysTheEndpointsDeltasBeforeItsStreamEndsAndAsksForTheUsage() throws Exception {
        ModelEndpoint endpoint = ModelEndpoint.openAi(settings().maxRetries(0).build(), EndpointObserver.NONE);
        List<String> deltas = new CopyOnWriteArrayList<>();
        CountDownLatch first = new CountDownLatch(1);

        CompletableFuture<ChatResult> call = CompletableFuture.supplyAsync(
                () -> endpoint.stream(ChatCall.of("system", "tell me something long enough"), piece -> {
                    deltas.add(piece);
                    first.countDown();
                }));
        // the fake holds its last delta until the gate opens: the first one must arrive before that
        assertThat(first.await(30, TimeUnit.SECONDS))
                .as("a delta before the stream's end")
                .isTrue();
        assertThat(fake.streamsFinished()).isZero();
        gate.countDown();
        ChatResult result = call.get(30, TimeUnit.SECONDS);

        assertThat(fake.gateTimeouts()).isZero();
        assertThat(deltas).hasSizeGreaterThan(1);
        assertThat(String.join("", deltas)).isEqualTo("fake reply to: tell me something long enough");
        assertThat(result.text()).isEqualTo(String.join("", deltas));
        assertThat(result.completionTokens()).isEqualTo(8);
        assertThat(fake.bodies().get(0).path("stream").asBoolean()).isTrue();
        assertThat(fake.bodies()
                        .get(0)
                        .path("stream_options")
                        .path("include_usage")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void retriesBeforeTheFirstByteLikeACompleteCall() {
        gate.countDown();
        fake.enqueue(FakeReply.status(503), FakeReply.malformed());
        ModelEndpoint endpoint = ModelEndpoint.openAi(settings().maxRetries(2).build(), EndpointObserver.NONE);
        List<String> deltas = new ArrayList<>();

        ChatResult result = endpoint.stream(ChatCall.of("system", "hello"), deltas::add);

        assertThat(result.attempts()).isEqualTo(3);
        assertThat(String.join("", deltas)).isEqualTo("fake reply to: hello");
    }

    @Test
    void aStreamThatStallsFailsAtTheTimeoutInsteadOfHanging() {
        // the gate stays shut: the fake sends its first deltas, then holds the last one for 30 s
        ModelEndpoint endpoint = ModelEndpoint.openAi(
                settings().maxRetries(2).timeout(Duration.ofMillis(700)).build(), EndpointObserver.NONE);
        List<String> deltas = new CopyOnWriteArrayList<>();
        long started = System.nanoTime();

        assertThatThrownBy(() -> endpoint.stream(ChatCall.of("system", "tell me something long enough"), deltas::add))
                .isInstanceOf(ModelCallFailedException.class)
                .hasMessageContaining("after 1 attempt(s)")
                .hasMessageContaining("the stream broke after its first delta (timeout)");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(deltas).isNotEmpty();
        assertThat(fake.requests()).as("no retry once a delta was relayed").isEqualTo(1);
    }
}
