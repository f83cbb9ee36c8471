package io.penguin.cli.load;

import io.penguin.fakellm.FakeLlmServer;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * A fake OpenAI-compatible model for load tests: {@code --fake-llm} starts {@link FakeLlmServer} on loopback in the
 * launcher's process, with the latency and error mix asked for, and declares it to every service as the target model
 * {@value #MODEL}, so that capacity is measured as with a real endpoint's latency and failures.
 */
public class FakeLlmOptions {

    /** The target model name the fake is declared under. */
    public static final String MODEL = "fake-llm";

    @Option(
            names = "--fake-llm",
            description = "Also start a fake OpenAI-compatible target model, '" + MODEL + "' (loopback only).")
    boolean enabled;

    @Option(
            names = "--fake-llm-latency",
            paramLabel = "MIN[..MAX]",
            defaultValue = "200ms..800ms",
            description = "Latency of every reply, drawn uniformly between MIN and MAX (default: ${DEFAULT-VALUE}).")
    String latency;

    @Option(
            names = "--fake-llm-rate-limited",
            paramLabel = "SHARE",
            defaultValue = "0",
            description = "Share of requests answered 429 with Retry-After: 1 (default: ${DEFAULT-VALUE}).")
    double rateLimited;

    @Option(
            names = "--fake-llm-server-errors",
            paramLabel = "SHARE",
            defaultValue = "0",
            description = "Share of requests answered 500 (default: ${DEFAULT-VALUE}).")
    double serverErrors;

    @Option(
            names = "--fake-llm-malformed",
            paramLabel = "SHARE",
            defaultValue = "0",
            description = "Share of requests answered 200 with a body that is not JSON (default: ${DEFAULT-VALUE}).")
    double malformed;

    @Option(
            names = "--fake-llm-hangs",
            paramLabel = "SHARE",
            defaultValue = "0",
            description = "Share of requests held for 90 s, past the client's timeout (default: ${DEFAULT-VALUE}).")
    double hangs;

    @Option(
            names = "--fake-llm-concurrency",
            defaultValue = "64",
            description = "The services' concurrency limit for the fake endpoint (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(
            names = "--fake-llm-keep-cache",
            description = "Keep the model-call cache on (by default --fake-llm turns it off, so that a stream replayed"
                    + " twice meets the fake's latency again rather than cached replies).")
    boolean keepCache;

    @Option(
            names = "--fake-llm-seed",
            defaultValue = "42",
            description = "Seed of the latency and error draws (default: ${DEFAULT-VALUE}).")
    long seed;

    /** Starts the fake when asked for; {@code null} otherwise. */
    public FakeLlmServer start(PrintStream out) {
        if (!enabled) {
            return null;
        }
        String[] bounds = latency.split("\\.\\.");
        Duration min = DurationConverter.parse(bounds[0]);
        Duration max = bounds.length > 1 ? DurationConverter.parse(bounds[1]) : min;
        FakeLlmServer fake = FakeLlmServer.builder()
                .latency(min, max)
                .rateLimited(rateLimited, Duration.ofSeconds(1))
                .serverErrors(serverErrors)
                .malformed(malformed)
                .hangs(hangs, Duration.ofSeconds(90))
                .seed(seed)
                .start();
        out.printf(
                "Fake model '%s' at %s: latency %s, 429 %.3f, 500 %.3f, malformed %.3f, hangs %.3f%n",
                MODEL, fake.baseUrl(), latency, rateLimited, serverErrors, malformed, hangs);
        return fake;
    }

    /** The settings that declare the fake to every service, and turn the model-call cache off unless asked not to. */
    public Map<String, String> settings(FakeLlmServer fake) {
        Map<String, String> properties = endpoint(fake, concurrency);
        if (!keepCache) {
            properties.put("penguin.models.cache.enabled", "false");
        }
        return properties;
    }

    /** The settings that declare the fake to every service. */
    public static Map<String, String> endpoint(FakeLlmServer fake, int concurrency) {
        String prefix = "penguin.models.endpoints." + MODEL + ".";
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(prefix + "base-url", fake.baseUrl());
        properties.put(prefix + "model", MODEL);
        properties.put(prefix + "concurrency", String.valueOf(concurrency));
        properties.put(prefix + "timeout", "60s");
        return properties;
    }
}
