package io.penguin.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.penguin.cli.platform.Platform;
import io.penguin.cli.platform.PlatformClient;
import io.penguin.cli.platform.ServiceSpec;
import io.penguin.reports.RunReport;
import io.penguin.reports.render.CsvReport;
import io.penguin.reports.render.Html;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;

/**
 * A benchmark on a started embedded platform, as {@code demo} and {@code eval} run it: plan the train split when the
 * planner condition needs paths, start the run, follow it to completion, fetch its report, write the report files.
 */
public final class EmbeddedBenchmark {

    /** What a completed run left: its final state and its report. */
    public record Finished(JsonNode run, JsonNode report) {

        public String runId() {
            return run.path("id").asText();
        }

        public long failed() {
            return run.path("failed").asLong();
        }
    }

    private final Platform platform;
    private final PlatformClient client = new PlatformClient();
    private final Duration timeout;
    private final PrintStream out;

    public EmbeddedBenchmark(Platform platform, Duration timeout, PrintStream out) {
        this.platform = platform;
        this.timeout = timeout;
        this.out = out;
    }

    /** Whether the conditions hold the planner one, whose sessions need planned paths to retrieve. */
    public static boolean needsPlans(java.util.List<String> conditions) {
        return conditions.stream().anyMatch(c -> c.trim().equalsIgnoreCase("planner"));
    }

    /**
     * RAISE's offline half: MCTS plans (a {@code POST /plannings} body, e.g. the train split and the reward's models),
     * published to penguin.policies, where the gateway's retrieval index picks them up before the planner condition's
     * sessions need them. Returns once the gateway's index holds them all.
     */
    public void plan(Map<String, Object> planningRequest) {
        long started = System.nanoTime();
        JsonNode planning = client.post(platform.url(ServiceSpec.SCENARIO).resolve("/plannings"), planningRequest);
        int scenarios = planning.path("scenarios").asInt();
        URI progress = platform.url(ServiceSpec.PLANNER)
                .resolve("/plannings/" + planning.path("planningId").asText());
        URI ready = platform.url(ServiceSpec.GATEWAY).resolve("/q/health/ready");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (planned(progress) < scenarios || indexed(ready) < scenarios) {
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

    /** Starts a run ({@code POST /runs} body), shows its progress until it completes, and fetches its report. */
    public Finished run(Map<String, Object> runRequest) {
        URI scenario = platform.url(ServiceSpec.SCENARIO);
        JsonNode run = client.post(scenario.resolve("/runs"), runRequest);
        String runId = run.path("id").asText();
        out.printf(
                "Run %s: %d work items (%s x %s)%n",
                runId, run.path("total").asLong(), runRequest.get("models"), runRequest.get("conditions"));
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
        return new Finished(run, client.get(platform.url(ServiceSpec.JUDGE).resolve("/runs/" + runId + "/report")));
    }

    private int planned(URI progress) {
        try {
            return client.get(progress).path("planned").asInt();
        } catch (PlatformClient.PlatformException notYet) {
            return 0; // 404 until the first plan is stored
        }
    }

    private int indexed(URI ready) {
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

    /**
     * Writes the report as {@code <run>.json}, {@code .txt}, {@code .csv} and {@code .html} under
     * {@code <work>/reports}; returns the path without extension.
     *
     * @param label what produced the numbers when the report itself cannot tell (e.g. the bundled fake model, whose
     *     replies come over HTTP like a real model's), written at the top of every file; null for none
     */
    public static Path write(Path work, JsonNode json, RunReport report, String table, String label)
            throws IOException {
        Path dir = work.resolve("reports");
        Files.createDirectories(dir);
        String base = report.runId();
        JsonNode labelled = json;
        String text = table;
        String html = Html.render(report);
        if (label != null) {
            // The JSON as judge-service served it, plus one field in front: readers that know the report ignore it.
            ObjectNode withLabel = new ObjectMapper().createObjectNode().put("resultsOf", label);
            withLabel.setAll((ObjectNode) json);
            labelled = withLabel;
            text = label + "\n" + table;
            // The renderer has no slot for a label: put a banner under the page's heading, its first </h1>.
            html = html.replaceFirst(
                    "</h1>",
                    Matcher.quoteReplacement(
                            "</h1>\n<div class=\"banner\" id=\"results-of\">" + escape(label) + "</div>"));
        }
        new ObjectMapper()
                .writerWithDefaultPrettyPrinter()
                .writeValue(dir.resolve(base + ".json").toFile(), labelled);
        Files.writeString(dir.resolve(base + ".txt"), text);
        Files.writeString(dir.resolve(base + ".csv"), CsvReport.render(report, "cells"));
        Files.writeString(dir.resolve(base + ".html"), html);
        return dir.resolve(base);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
