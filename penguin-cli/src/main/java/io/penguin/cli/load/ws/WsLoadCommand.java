package io.penguin.cli.load.ws;

import io.penguin.cli.load.DurationConverter;
import io.penguin.cli.load.RecordedItem;
import io.penguin.cli.load.Recording;
import io.penguin.cli.load.SummaryFile;
import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Scenario;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code penguin ws-load}: concurrent scripted users against the agent gateway's WebSocket sessions. */
@Command(
        name = "ws-load",
        mixinStandardHelpOptions = true,
        description = {
            "Run N concurrent scripted users against the agent gateway (protocol penguin.agent.v1, see"
                    + " docs/agent-protocol.md): each sends a scenario's query, answers the agent's questions from"
                    + " the scenario's profile, sometimes declines or skips, and waits for the response. Prints"
                    + " connect, turn and session latency percentiles, failures by type and sessions per second. With"
                    + " --follow-ups, sessions speak penguin.agent.v2 and send further queries after each response.",
            "Stops by itself: each user plays --sessions sessions, none started after --duration; every wait is"
                    + " bounded by --timeout.",
            "Exit status: 0 when every session completed, 2 when some failed."
        })
public class WsLoadCommand implements Callable<Integer> {

    @Option(
            names = "--url",
            defaultValue = "${env:PENGUIN_GATEWAY_URL:-ws://localhost:8080/v1/agent}",
            description = "The gateway's session endpoint (default: $PENGUIN_GATEWAY_URL or ${DEFAULT-VALUE}).")
    URI url;

    @Option(
            names = "--api-key",
            defaultValue = "${env:PENGUIN_API_KEY}",
            description = "The client's API key (default: $PENGUIN_API_KEY).")
    String apiKey;

    @Option(
            names = "--key-as-subprotocol",
            description =
                    "Send the key as a 'bearer.<key>' subprotocol, as browsers do, not as an Authorization header.")
    boolean keyAsSubprotocol;

    @Option(names = "--users", defaultValue = "50", description = "Concurrent users (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(
            names = "--sessions",
            defaultValue = "1",
            description = "Sessions each user plays, one after another (default: ${DEFAULT-VALUE}).")
    int sessions;

    @Option(
            names = "--duration",
            defaultValue = "5m",
            converter = DurationConverter.class,
            description = "No user starts a session after this (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(
            names = "--ramp-up",
            defaultValue = "0s",
            converter = DurationConverter.class,
            description = "Users start evenly spread over this (default: ${DEFAULT-VALUE}).")
    Duration rampUp;

    @Option(
            names = "--timeout",
            defaultValue = "30s",
            converter = DurationConverter.class,
            description = "The longest wait for the upgrade or for any frame (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(
            names = "--decline",
            defaultValue = "0.2",
            description = "Share of questions a user declines (default: ${DEFAULT-VALUE}).")
    double decline;

    @Option(
            names = "--skip",
            defaultValue = "0.05",
            description = "Share of questions a user skips (default: ${DEFAULT-VALUE}).")
    double skip;

    @Option(names = "--mode", description = "The query's mode: planner (the gateway's default) or agent.")
    String mode;

    @Option(names = "--model", description = "The query's target model (default: the gateway's).")
    String model;

    @Option(
            names = "--scenarios",
            paramLabel = "RECORDING",
            description = "Play the scenarios of this recording (default: the 14 built-in scenarios).")
    Path scenarios;

    @Option(
            names = "--follow-ups",
            defaultValue = "0",
            description = "Queries each session sends after the first one's response, in protocol penguin.agent.v2"
                    + " (default: ${DEFAULT-VALUE}: one query per session, in v1).")
    int followUps;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the scenario and decline draws.")
    long seed;

    @Option(names = "--summary-json", description = "Also write the summary as JSON here.")
    Path summaryJson;

    @Option(names = "--quiet", description = "No live progress line.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        List<Scenario> played = scenarios == null ? BuiltinScenarios.all() : distinct(Recording.read(scenarios));
        System.out.printf(
                "%d users, %d session(s) each, against %s with %d scenarios%n", users, sessions, url, played.size());
        WsLoadSummary summary = new WsLoad(new WsLoad.Settings(
                        url,
                        apiKey,
                        keyAsSubprotocol,
                        users,
                        sessions,
                        duration,
                        rampUp,
                        timeout,
                        decline,
                        skip,
                        mode,
                        model,
                        seed,
                        quiet ? null : System.out,
                        followUps))
                .run(played);
        System.out.print(summary.text());
        if (summaryJson != null) {
            SummaryFile.write(summaryJson, summary, System.out);
        }
        return summary.failed() == 0 && summary.completed() > 0 ? 0 : 2;
    }

    private static List<Scenario> distinct(List<RecordedItem> items) {
        Map<String, Scenario> byId = new LinkedHashMap<>();
        items.forEach(item -> byId.putIfAbsent(item.scenario().id(), item.scenario()));
        return List.copyOf(byId.values());
    }
}
