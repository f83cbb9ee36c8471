package io.penguin.cli.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.penguin.fakellm.FakeLlmServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EndpointProbeTest {

    private final EndpointProbe probe = new EndpointProbe(Duration.ofSeconds(5));
    private final URI models = URI.create("http://localhost:8000/v1/models");

    @Test
    void aServerAnsweringTheModelListIsUsableAndTheMessageLeavesTheKeyOut() {
        try (FakeLlmServer fake = FakeLlmServer.start()) {
            EndpointProbe.Result result = probe.probe("target", fake.baseUrl(), "m", Optional.of("sk-probe"));

            assertThat(result.usable()).as(result.message()).isTrue();
            assertThat(result.message())
                    .contains(fake.baseUrl(), "lists no models")
                    .doesNotContain("sk-probe");
        }
    }

    @Test
    void aRefusedConnectionIsUnusableAndTheMessageNamesTheUrl() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/v1";

        EndpointProbe.Result result = probe.probe("target", url, "m", Optional.empty());

        assertThat(result.usable()).isFalse();
        assertThat(result.message()).contains(url, "connection refused", "target");
    }

    @Test
    void anUnknownHostIsNamedAsSuchNotAsARefusal() {
        EndpointProbe.Result result = probe.probe("judge", "http://no-such-host.invalid/v1", "m", Optional.empty());

        assertThat(result.usable()).isFalse();
        assertThat(result.message())
                .contains("http://no-such-host.invalid/v1", "unknown host no-such-host.invalid")
                .doesNotContain("refused");
    }

    @Test
    void aRefusedKeyAForgottenV1AndAnUnlistedModelAreEachNamed() {
        assertThat(EndpointProbe.judge("target", "http://x/v1", "m", models, 401, "{}"))
                .satisfies(r -> assertThat(r.usable()).isFalse())
                .satisfies(r -> assertThat(r.message()).contains("refused the API key", "--api-key-env"));
        assertThat(EndpointProbe.judge("judge", "http://x", "m", models, 404, ""))
                .satisfies(r -> assertThat(r.usable()).isFalse())
                .satisfies(r -> assertThat(r.message()).contains("judge", "ending in /v1"));
        assertThat(EndpointProbe.judge(
                        "target", "http://x/v1", "gpt-4o", models, 200, "{\"data\":[{\"id\":\"gpt-4o-mini\"}]}"))
                .satisfies(r -> assertThat(r.usable()).isFalse())
                .satisfies(r -> assertThat(r.message()).contains("does not list the model 'gpt-4o'", "gpt-4o-mini"));
        assertThat(EndpointProbe.judge("target", "http://x/v1", "m", models, 200, "<html>login</html>")
                        .usable())
                .isFalse();
    }

    @Test
    void aListedModelOrOllamasLatestTagIsUsable() {
        String ollama = "{\"object\":\"list\",\"data\":[{\"id\":\"llama3.1:latest\"},{\"id\":\"qwen2.5:7b\"}]}";

        assertThat(EndpointProbe.judge("target", "http://x/v1", "llama3.1", models, 200, ollama)
                        .usable())
                .isTrue();
        assertThat(EndpointProbe.judge("target", "http://x/v1", "qwen2.5:7b", models, 200, ollama)
                        .usable())
                .isTrue();
        assertThat(EndpointProbe.judge("target", "http://x/v1", "qwen2.5", models, 200, ollama)
                        .usable())
                .isFalse();
    }
}
