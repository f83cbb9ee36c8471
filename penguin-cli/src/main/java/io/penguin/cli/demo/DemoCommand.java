package io.penguin.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.penguin.cli.platform.Platform;
import io.penguin.cli.platform.PlatformClient;
import io.penguin.cli.platform.ServiceSpec;
import io.penguin.cli.report.ReportTable;
import io.penguin.reports.RunReport;
import io.penguin.reports.render.CsvReport;
import io.penguin.reports.render.Html;
import io.penguin.reports.render.TextReport;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The main job on embedded defaults: start everything, run a benchmark, print and write its report, stop. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Start embedded Kafka and PostgreSQL and the five services, benchmark the built-in scenarios with"
                + " the offline reference models, print the table per condition and domain, write the report,"
                + " and stop everything it started.")
public class DemoCommand implements Callable<Integer> {

    @Option(names = "--home", description = "Project directory with the built services (default: ${DEFAULT-VALUE}).")
    Path home = Path.of(System.getProperty("penguin.home", "."));

    @Option(names = "--work-dir", description = "Where service logs and reports go (default: <home>/target/penguin).")
    Path workDir;

    @Option(names = "--models", split = ",", description = "Target models (default: ${DEFAULT-VALUE}).")
    List<String> models = List.of("reference", "reference-brief");

    @Option(
            names = "--conditions",
            split = ",",
            description =
                    "Conditions: context-free, context-rich, static-3, single:<Attribute>, single:*, random-3, best-3,"
                            + " agent, planner (the RAISE agent's simulated sessions) (default: ${DEFAULT-VALUE}).")
    List<String> conditions =
            List.of("context-free", "context-rich", "static-3", "random-3", "best-3", "single:*", "agent", "planner");

    @Option(
            names = "--best3-sample",
            description = "Scenarios that get best-3, 120 work items each per model (default: ${DEFAULT-VALUE}).")
    int best3Sample = 3;

    @Option(
            names = "--seed",
            description = "The run's seed: random-3 draws and the best-3 sample (default: ${DEFAULT-VALUE}).")
    long seed = 7;

    @Option(names = "--judge", description = "Judge model (default: ${DEFAULT-VALUE}).")
    String judge = "reference-judge";

    @Option(names = "--limit", description = "At most this many scenarios.")
    Integer limit;

    @Option(names = "--timeout", description = "How long the run may take (default: ${DEFAULT-VALUE}).")
    Duration timeout = Duration.ofMinutes(10);

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        Path work = workDir != null ? workDir : home.resolve("target/penguin");
        long started = System.nanoTime();
        try (Platform platform = Platform.start(home, work, Duration.ofMinutes(3), out)) {
            JsonNode json = run(platform, out);
            RunReport report = ReportTable.report(json);
            String table = TextReport.render(report);
            out.println();
            out.println(table);
            Path written = write(work, json, report, table);
            out.printf("Report written to %s (.json, .txt, .csv and .html)%n", written);
        }
        out.printf("Done in %.1f s; everything the demo started is stopped.%n", (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private JsonNode run(Platform platform, PrintStream out) {
        PlatformClient client = new PlatformClient();
        if (conditions.stream().anyMatch(c -> c.trim().equalsIgnoreCase("planner"))) {
            planTrainSplit(platform, client, out);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("models", models);
        request.put("conditions", conditions);
        request.put("judgeModel", judge);
        request.put("best3Sample", best3Sample);
        request.put("seed", seed);
        if (limit != null) {
            request.put("limit", limit);
        }
        URI scenario = platform.url(ServiceSpec.SCENARIO);
        JsonNode run = client.post(scenario.resolve("/runs"), request);
        String runId = run.path("id").asText();
        out.printf("Run %s: %d work items (%s x %s)%n", runId, run.path("total").asLong(), models, conditions);
        long deadline = System.nanoTime() + timeout.toNanos();
        String progress = "";
        while (!run.path("status").asText().equals("COMPLETED")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("run " + runId + " did not complete within " + timeout + ": "
                        + run.path("judged").asLong() + " of "
                        + run.path("total").asLong() + " judged");
            }
            if (run.path("status").asText().equals("PUBLISH_FAILED")) {
                throw new IllegalStateException("run " + runId + " could not publish its work items");
            }
            LockSupport.parkNanos(Duration.ofMillis(300).toNanos());
            run = client.get(scenario.resolve("/runs/" + runId));
            String line = String.format(
                    "  judged %d / %d, failed %d, pending %d",
                    run.path("judged").asLong(),
                    run.path("total").asLong(),
                    run.path("failed").asLong(),
                    run.path("pending").asLong());
            if (!line.equals(progress)) {
                out.print("\r" + line + "   ");
                progress = line;
            }
        }
        out.println();
        return client.get(platform.url(ServiceSpec.JUDGE).resolve("/runs/" + runId + "/report"));
    }

    /**
     * RAISE's offline half: MCTS plans for the built-in train split, published to penguin.policies, where the
     * gateway's retrieval index picks them up before the planner condition's sessions need them.
     */
    private void planTrainSplit(Platform platform, PlatformClient client, PrintStream out) {
        long started = System.nanoTime();
        JsonNode planning = client.post(
                platform.url(ServiceSpec.SCENARIO).resolve("/plannings"),
                Map.of("source", "builtin", "split", "train"));
        int scenarios = planning.path("scenarios").asInt();
        URI progress = platform.url(ServiceSpec.PLANNER)
                .resolve("/plannings/" + planning.path("planningId").asText());
        URI ready = platform.url(ServiceSpec.GATEWAY).resolve("/q/health/ready");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (planned(client, progress) < scenarios || indexed(client, ready) < scenarios) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "planning " + planning.path("planningId").asText() + " did not complete within " + timeout);
            }
            LockSupport.parkNanos(Duration.ofMillis(300).toNanos());
        }
        out.printf(
                "Planned %d train-split scenarios with MCTS in %.1f s; the agent's retrieval index has them%n",
                scenarios, (System.nanoTime() - started) / 1e9);
    }

    private static int planned(PlatformClient client, URI progress) {
        try {
            return client.get(progress).path("planned").asInt();
        } catch (PlatformClient.PlatformException notYet) {
            return 0; // 404 until the first plan is stored
        }
    }

    private static int indexed(PlatformClient client, URI ready) {
        try {
            for (JsonNode check : client.get(ready).path("checks")) {
                if (check.path("name").asText().equals("policy-index")) {
                    return check.path("data").path("plans").asInt();
                }
            }
        } catch (PlatformClient.PlatformException notReady) {
            return 0; // 503 while a check is down
        }
        return 0;
    }

    private static Path write(Path work, JsonNode json, RunReport report, String table) throws IOException {
        Path dir = work.resolve("reports");
        Files.createDirectories(dir);
        Path base = dir.resolve(report.runId());
        new ObjectMapper()
                .writerWithDefaultPrettyPrinter()
                .writeValue(base.resolveSibling(base.getFileName() + ".json").toFile(), json);
        Files.writeString(base.resolveSibling(base.getFileName() + ".txt"), table);
        Files.writeString(base.resolveSibling(base.getFileName() + ".csv"), CsvReport.render(report, "cells"));
        Files.writeString(base.resolveSibling(base.getFileName() + ".html"), Html.render(report));
        return base;
    }
}
