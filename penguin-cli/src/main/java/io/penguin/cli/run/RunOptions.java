package io.penguin.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.penguin.cli.platform.PlatformClient;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Option;

/** Where the scenario-service is and how a run is followed, shared by the run commands. */
public class RunOptions {

    @Option(
            names = "--url",
            defaultValue = "${env:PENGUIN_SCENARIO_URL:-http://localhost:8081}",
            description = "The scenario-service (default: $PENGUIN_SCENARIO_URL or ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--no-wait", description = "Return without following the run's progress.")
    boolean noWait;

    @Option(
            names = "--timeout",
            defaultValue = "PT2H",
            description = "How long to follow the run (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    URI resolve(String path) {
        String base = url.toString();
        return URI.create(base.endsWith("/") ? base : base + "/").resolve(path);
    }

    PlatformClient client() {
        return new PlatformClient();
    }

    /** Shows the progress line until the run completes; returns the final run. */
    JsonNode follow(PlatformClient client, String id, PrintStream out) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode run = client.get(resolve("runs/" + id));
        String shown = "";
        while (!run.path("status").asText().equals("COMPLETED")) {
            if (run.path("status").asText().equals("PUBLISH_FAILED")) {
                throw new IllegalStateException(
                        "run " + id + " could not publish its work items; retry with POST /runs/" + id + "/resume");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("run " + id + " did not complete within " + timeout);
            }
            String line = RunProgress.line(run);
            if (!line.equals(shown)) {
                out.print("\r" + line + "   ");
                shown = line;
            }
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
            run = client.get(resolve("runs/" + id));
        }
        out.print("\r" + RunProgress.line(run) + "   ");
        out.println();
        return run;
    }
}
