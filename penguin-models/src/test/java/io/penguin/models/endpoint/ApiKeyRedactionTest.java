package io.penguin.models.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.penguin.fakellm.CapturedLogs;
import io.penguin.fakellm.FakeLlmServer;
import io.penguin.fakellm.FakeReply;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API key reaches the endpoint's Authorization header and nothing else: no log, no exception, no toString. */
class ApiKeyRedactionTest {

    private static final String KEY = "sk-test-7f3a9c1e5b2d4f6a8c0e";

    private final FakeLlmServer fake = FakeLlmServer.start();
    private final CapturedLogs capture = new CapturedLogs();
    private final List<String> logged = capture.lines();
    private Level rootLevel;

    @BeforeEach
    void captureEverything() {
        Logger root = Logger.getLogger("");
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        root.addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger root = Logger.getLogger("");
        root.removeHandler(capture);
        root.setLevel(rootLevel);
        fake.close();
    }

    @Test
    void apiKeyNeverAppearsInLogsExceptionsOrSettings() {
        ApiKey key = ApiKey.fromEnvironment("PENGUIN_TEST_KEY", Map.of("PENGUIN_TEST_KEY", KEY)::get);
        EndpointSettings settings = EndpointSettings.builder("keyed", fake.baseUrl(), "m")
                .apiKey(key)
                .maxRetries(1)
                .backoff(Duration.ofMillis(10), Duration.ofMillis(20))
                .build();
        ModelEndpoint endpoint = ModelEndpoint.openAi(settings, new LoggingEndpointObserver());
        fake.enqueue(FakeReply.status(401));

        Throwable failure = catchThrowable(() -> endpoint.chat(ChatCall.of("s", "u")));
        fake.enqueue(FakeReply.status(500), FakeReply.status(500));
        Throwable spent = catchThrowable(() -> endpoint.chat(ChatCall.of("s", "u2")));

        assertThat(fake.authorizations()).contains("Bearer " + KEY);
        assertThat(failure).isInstanceOf(ModelCallFailedException.class).hasMessageContaining("HTTP 401");
        assertThat(stackTrace(failure)).contains("Incorrect API key provided: ***");
        assertThat(spent).isInstanceOf(ModelCallFailedException.class);
        assertThat(stackTrace(failure)).doesNotContain(KEY);
        assertThat(stackTrace(spent)).doesNotContain(KEY);
        assertThat(settings.toString()).doesNotContain(KEY).contains("ApiKey[***, from environment variable");
        assertThat(key.toString()).doesNotContain(KEY);
        assertThat(logged).as("the failed attempts were logged").anyMatch(line -> line.contains("HTTP 401"));
        assertThat(logged).noneMatch(line -> line.contains(KEY));
    }

    @Test
    void aMissingKeyVariableIsNamed() {
        Throwable failure = catchThrowable(() -> ApiKey.fromEnvironment("NOT_SET_ANYWHERE", name -> null));
        assertThat(failure).hasMessage("api key: environment variable 'NOT_SET_ANYWHERE' is not set");
    }

    private static String stackTrace(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
