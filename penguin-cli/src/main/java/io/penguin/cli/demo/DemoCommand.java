package io.penguin.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.penguin.cli.platform.Platform;
import io.penguin.cli.report.ReportTable;
import io.penguin.reports.RunReport;
import io.penguin.reports.render.TextReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The main job on embedded defaults: start everything, run a benchmark, print and write its report, stop. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Start embedded Kafka and PostgreSQL and the five services, benchmark the built-in scenarios with"
                + " the offline reference models (or, with --fake-llm, with every role played by the bundled fake"
                + " model over HTTP), print the table per condition and domain, write the report, and stop everything"
                + " it started.")
public class DemoCommand implements Callable<Integer> {

    /** The offline judge's name. */
    static final String REFERENCE_JUDGE = "reference-judge";

    @Option(names = "--home", description = "Project directory with the built services (default: ${DEFAULT-VALUE}).")
    Path home = Path.of(System.getProperty("penguin.home", "."));

    @Option(names = "--work-dir", description = "Where service logs and reports go (default: <home>/target/penguin).")
    Path workDir;

    @Option(
            names = "--models",
            split = ",",
            description =
                    "Target models (default: reference,reference-brief; with --fake-llm: " + FakeModels.MODEL + ").")
    List<String> models;

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

    @Option(
            names = "--judge",
            description = "Judge model (default: " + REFERENCE_JUDGE + "; with --fake-llm: " + FakeModels.MODEL + ").")
    String judge;

    @Option(
            names = "--limit",
            description = "At most this many scenarios in the run, and in the train split planned for the planner"
                    + " condition.")
    Integer limit;

    @Option(names = "--timeout", description = "How long the run may take (default: ${DEFAULT-VALUE}).")
    Duration timeout = Duration.ofMinutes(10);

    @Option(
            names = "--fake-llm",
            description = "Play every role (targets, judge, user simulator, agent, the planner's reward) with the"
                    + " bundled fake OpenAI-compatible model over HTTP instead of the offline reference models: every"
                    + " LLM code path runs, and the results are labelled as the fake's.")
    boolean fakeLlm;

    @Option(
            names = "--fake-llm-agent-errors",
            paramLabel = "SHARE",
            description = "With --fake-llm: bind the agent role to a second fake that answers this share of its calls"
                    + " with 500 and is not retried, to see the rule-based stand-in take over (default: 0).")
    double fakeAgentErrors;

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        Path work = workDir != null ? workDir : home.resolve("target/penguin");
        long started = System.nanoTime();
        try (FakeModels fake = fakeLlm ? FakeModels.start(fakeAgentErrors, seed) : null) {
            if (fake != null) {
                out.println(fake.describe());
            }
            Map<String, String> settings = fake == null ? Map.of() : fake.settings();
            try (Platform platform = Platform.start(home, work, Duration.ofMinutes(3), out, settings)) {
                EmbeddedBenchmark benchmark = new EmbeddedBenchmark(platform, timeout, out);
                if (EmbeddedBenchmark.needsPlans(conditions)) {
                    benchmark.plan(planningRequest(fake));
                }
                EmbeddedBenchmark.Finished finished = benchmark.run(runRequest(fake));
                JsonNode json = finished.report();
                RunReport report = ReportTable.report(json);
                String table = TextReport.render(report);
                String label = fake == null ? null : fake.label();
                out.println();
                if (label != null) {
                    out.println(label);
                }
                out.println(table);
                Path written = EmbeddedBenchmark.write(work, json, report, table, label);
                out.printf("Report written to %s (.json, .txt, .csv and .html)%n", written);
            }
            if (fake != null) {
                out.printf("The fake model answered %d calls over HTTP.%n", fake.requests());
            }
        }
        out.printf("Done in %.1f s; everything the demo started is stopped.%n", (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private Map<String, Object> planningRequest(FakeModels fake) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("source", "builtin");
        request.put("split", "train");
        if (limit != null) {
            request.put("limit", limit);
        }
        if (fake != null) {
            request.putAll(fake.plannerModels());
        }
        return request;
    }

    private Map<String, Object> runRequest(FakeModels fake) {
        String judgeModel = judge != null ? judge : fake != null ? FakeModels.MODEL : REFERENCE_JUDGE;
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("models", models != null ? models : fake != null ? List.of(FakeModels.MODEL) : defaultModels());
        request.put("conditions", conditions);
        request.put("judgeModel", judgeModel);
        // The demo is a pipeline check: a rule-based judge scoring an LLM target (e.g. --fake-llm --judge
        // reference-judge) is what was asked for, and the report marks it rule-based.
        if (judgeModel.equals(REFERENCE_JUDGE)) {
            request.put("allowReferenceJudge", true);
        }
        request.put("best3Sample", best3Sample);
        request.put("seed", seed);
        if (limit != null) {
            request.put("limit", limit);
        }
        return request;
    }

    private static List<String> defaultModels() {
        return List.of("reference", "reference-brief");
    }
}
