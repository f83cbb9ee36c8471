package io.penguin.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.penguin.cli.platform.PlatformClient;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code penguin run}: starts a run on a running platform and shows its progress until it completes. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Start an evaluation run on a running platform (see 'penguin up') and follow its progress.")
public class RunCommand implements Callable<Integer> {

    @Mixin
    RunOptions service;

    @Option(names = "--model", description = "Target models (repeatable; default: the service's default).")
    List<String> models = List.of();

    @Option(
            names = "--condition",
            description = "Conditions (repeatable): context-free, context-rich, static-3, single:<Attribute>,"
                    + " single:*, random-3, best-3.")
    List<String> conditions = List.of();

    @Option(names = "--judge", description = "The judge model (default: the judge role's model).")
    String judge;

    @Option(names = "--panel-judge", description = "Further judges for inter-judge agreement (repeatable).")
    List<String> panelJudges = List.of();

    @Option(names = "--source", description = "builtin, generated, imported or any.")
    String source;

    @Option(names = "--domain", description = "Only these domains (repeatable).")
    List<String> domains = List.of();

    @Option(names = "--split", description = "train or test.")
    String split;

    @Option(names = "--sample", description = "Draw this many scenarios at random (seeded).")
    Integer sample;

    @Option(names = "--limit", description = "At most this many scenarios.")
    Integer limit;

    @Option(names = "--seed", description = "The run's seed (sample, random-3, best-3 sample).")
    Long seed;

    @Option(names = "--best3-sample", description = "Scenarios that get best-3 (120 items each per model).")
    Integer best3Sample;

    @Option(names = "--no-wait", description = "Print the run id and return at once.")
    boolean noWait;

    @Option(
            names = "--timeout",
            defaultValue = "PT2H",
            description = "How long to follow the run (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() {
        PlatformClient client = service.client();
        Map<String, Object> request = new LinkedHashMap<>();
        put(request, "models", models);
        put(request, "conditions", conditions);
        put(request, "judgeModel", judge);
        put(request, "panelJudges", panelJudges);
        put(request, "source", source);
        put(request, "domains", domains);
        put(request, "split", split);
        put(request, "sample", sample);
        put(request, "limit", limit);
        put(request, "seed", seed);
        put(request, "best3Sample", best3Sample);
        JsonNode run = client.post(service.resolve("runs"), request);
        String id = run.path("id").asText();
        PrintStream out = System.out;
        out.printf("Run %s: %d work items%n", id, run.path("total").asLong());
        if (noWait) {
            return 0;
        }
        run = follow(client, service, id, timeout, out);
        long failed = run.path("failed").asLong();
        if (failed > 0) {
            out.printf(
                    "%d work items failed: list them at %s, re-drive with 'penguin redrive %s'%n",
                    failed, service.resolve("runs/" + id + "/failures"), id);
            return 2;
        }
        out.printf("Run %s completed; its report: ./penguin report %s%n", id, id);
        return 0;
    }

    /** Shows the progress line until the run completes; returns the final run. */
    static JsonNode follow(PlatformClient client, RunOptions service, String id, Duration timeout, PrintStream out) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode run = client.get(service.resolve("runs/" + id));
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
            run = client.get(service.resolve("runs/" + id));
        }
        out.print("\r" + RunProgress.line(run) + "   ");
        out.println();
        return run;
    }

    private static void put(Map<String, Object> request, String field, Object value) {
        if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
            request.put(field, value);
        }
    }
}
