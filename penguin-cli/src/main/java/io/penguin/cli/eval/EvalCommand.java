package io.penguin.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.penguin.cli.demo.EmbeddedBenchmark;
import io.penguin.cli.platform.ModelSettings;
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
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code penguin eval}: one command for a real model. Checks the endpoint, starts the embedded platform with it
 * declared to every service, runs PENGUIN (and the RAISE rows when asked) over the built-in scenarios, prints the
 * table and where the report is, and stops everything.
 */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = "Benchmark an OpenAI-compatible model (OpenAI, vLLM, Ollama, ...) on the built-in scenarios:"
                + " check the endpoint, start the embedded platform with it as the target (and an LLM judge when"
                + " given), run, print the table, write the report, stop everything.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:the run completed, every work item judged",
            "2:invalid options",
            "3:an endpoint is unusable (refused, unknown host, wrong path, key refused, model not listed, key variable"
                    + " unset): nothing was started",
            "4:the run completed with failed work items (the report is still written)",
            "1:anything else (the platform did not start, the run timed out)"
        })
public class EvalCommand implements Callable<Integer> {

    static final int ENDPOINT_UNUSABLE = 3;
    static final int FAILED_ITEMS = 4;

    /** The offline judge, and the user simulator that answers from the profile. */
    static final String REFERENCE_JUDGE = "reference-judge";

    static final String REFERENCE_USER = "reference-user";

    @Option(
            names = "--base-url",
            required = true,
            description = "The target's OpenAI-compatible API root, e.g. https://api.openai.com/v1,"
                    + " http://localhost:8000/v1 (vLLM), http://localhost:11434/v1 (Ollama).")
    String baseUrl;

    @Option(names = "--model", required = true, description = "The target's model id, as the endpoint names it.")
    String model;

    @Option(
            names = "--api-key-env",
            paramLabel = "VAR",
            description = "The environment variable holding the target's API key (none for local servers). The key"
                    + " is read from there by each service; it is never printed or logged.")
    String apiKeyEnv;

    @Option(
            names = "--judge-base-url",
            description = "An LLM judge's API root; without it the rule-based reference judge scores the run.")
    String judgeBaseUrl;

    @Option(names = "--judge-model", description = "The LLM judge's model id (with --judge-base-url).")
    String judgeModel;

    @Option(
            names = "--judge-api-key-env",
            paramLabel = "VAR",
            description = "The environment variable holding the judge's API key (default: --api-key-env when the judge"
                    + " has the target's base URL, else none: a key is never sent to another server unasked).")
    String judgeApiKeyEnv;

    @Option(
            names = "--conditions",
            split = ",",
            description = "Conditions: context-free, context-rich, static-3, single:<Attribute>, single:*, random-3,"
                    + " best-3, and the RAISE rows agent and planner (default: ${DEFAULT-VALUE}).")
    List<String> conditions = List.of("context-free", "context-rich");

    @Option(
            names = "--limit",
            description = "At most this many scenarios in the run (and in the train split planned for planner).")
    Integer limit;

    @Option(
            names = "--seed",
            description = "The run's seed: random-3 draws, best-3 sample (default: ${DEFAULT-VALUE}).")
    long seed = 7;

    @Option(
            names = "--best3-sample",
            description = "Scenarios that get best-3, 120 work items each (default: ${DEFAULT-VALUE}).")
    int best3Sample = 1;

    /** Who plays the user in the RAISE rows. */
    enum UserSimulatorChoice {
        /** The rule-based user: answers with the profile's values, declines as our code decides. */
        reference,
        /** The target endpoint, answering in character from the hidden profile (declines still decided by our code). */
        target
    }

    @Option(
            names = "--user-simulator",
            description = "Who plays the user in the agent and planner rows: reference (rule-based, answers with the"
                    + " profile's values) or target (the target endpoint, in character) (default: ${DEFAULT-VALUE}).")
    UserSimulatorChoice userSimulator = UserSimulatorChoice.reference;

    @Option(
            names = "--concurrency",
            description = "Most calls in flight per endpoint and service (default: ${DEFAULT-VALUE}).")
    int concurrency = 8;

    @Option(names = "--timeout", description = "How long the run may take (default: ${DEFAULT-VALUE}).")
    Duration timeout = Duration.ofHours(2);

    @Option(names = "--home", description = "Project directory with the built services (default: ${DEFAULT-VALUE}).")
    Path home = Path.of(System.getProperty("penguin.home", "."));

    @Option(names = "--work-dir", description = "Where service logs and reports go (default: <home>/target/penguin).")
    Path workDir;

    /** An endpoint as the run uses it: its name in the platform, and what it points to. */
    record Endpoint(String name, String baseUrl, String model, String apiKeyEnv) {

        String describe() {
            return "model '" + model + "' at " + baseUrl + (name.equals(model) ? "" : " (as '" + name + "')")
                    + (apiKeyEnv == null ? ", no API key" : ", API key from $" + apiKeyEnv);
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        if ((judgeBaseUrl == null) != (judgeModel == null)) {
            System.err.println("penguin eval: --judge-base-url and --judge-model go together");
            return 2;
        }
        Endpoint target = new Endpoint(ModelSettings.endpointName(model), baseUrl, model, blankToNull(apiKeyEnv));
        Optional<Endpoint> judge = judgeEndpoint(target);
        Optional<String> unusable = check(target, "target", out).or(() -> judge.flatMap(j -> check(j, "judge", out)));
        if (unusable.isPresent()) {
            System.err.println("penguin eval: " + unusable.get());
            System.err.println("penguin eval: nothing was started");
            return ENDPOINT_UNUSABLE;
        }
        out.println("Target: " + target.describe());
        String judgeName = judge.map(Endpoint::name).orElse(REFERENCE_JUDGE);
        String label = null;
        if (judge.isPresent()) {
            out.println("Judge: " + judge.get().describe());
        } else {
            label = "Judge: the rule-based reference judge (" + REFERENCE_JUDGE + ") scores this run, not an LLM"
                    + " judge: its scores follow keyword rules of the rubric; give --judge-base-url and --judge-model"
                    + " for an LLM judge";
            out.println(label);
        }
        if (conditions.stream().anyMatch(EvalCommand::isRaise)) {
            out.printf(
                    "RAISE roles: agent %s; user simulator %s (rule-based, answers from the profile); planner reward:"
                            + " target %s, judge %s%n",
                    target.name(), REFERENCE_USER, target.name(), judgeName);
        }
        if (EmbeddedBenchmark.needsPlans(conditions)) {
            out.println("Planning for the planner row calls the target and the judge once for every attribute set the"
                    + " search tries, per train-split scenario: --limit bounds the scenarios planned too");
        }

        Path work = workDir != null ? workDir : home.resolve("target/penguin");
        long started = System.nanoTime();
        int exit = 0;
        try (Platform platform = Platform.start(
                home, work, Duration.ofMinutes(3), out, settings(target, judge).properties())) {
            EmbeddedBenchmark benchmark = new EmbeddedBenchmark(platform, timeout, out);
            if (EmbeddedBenchmark.needsPlans(conditions)) {
                benchmark.plan(planningRequest(target, judgeName));
            }
            EmbeddedBenchmark.Finished finished = benchmark.run(runRequest(target, judge.isPresent(), judgeName));
            JsonNode json = finished.report();
            RunReport report = ReportTable.report(json);
            String table = TextReport.render(report);
            out.println();
            out.println(table);
            Path written = EmbeddedBenchmark.write(work, json, report, table, label);
            out.printf("Report written to %s (.json, .txt, .csv and .html)%n", written);
            if (finished.failed() > 0) {
                out.printf(
                        "%d work items failed (the model or the judge did not answer usably within the retries):"
                                + " see %s and the service logs under %s%n",
                        finished.failed(), written + ".json", work.resolve("logs"));
                exit = FAILED_ITEMS;
            }
        }
        out.printf("Done in %.1f s; everything eval started is stopped.%n", (System.nanoTime() - started) / 1e9);
        return exit;
    }

    /** The judge endpoint when one is given: the target's own when it is the same model at the same address. */
    Optional<Endpoint> judgeEndpoint(Endpoint target) {
        if (judgeBaseUrl == null) {
            return Optional.empty();
        }
        boolean sameServer = sameUrl(judgeBaseUrl, target.baseUrl());
        String keyEnv = judgeApiKeyEnv != null ? blankToNull(judgeApiKeyEnv) : sameServer ? target.apiKeyEnv() : null;
        String name = ModelSettings.endpointName(judgeModel);
        if (name.equals(target.name())) {
            if (sameServer
                    && judgeModel.equals(target.model())
                    && java.util.Objects.equals(keyEnv, target.apiKeyEnv())) {
                return Optional.of(target);
            }
            name = name + "-judge";
        }
        return Optional.of(new Endpoint(name, judgeBaseUrl, judgeModel, keyEnv));
    }

    /** Why an endpoint is unusable, if it is; the key is read here only to probe, and appears in no message. */
    private static Optional<String> check(Endpoint endpoint, String role, PrintStream out) {
        Optional<String> key = Optional.empty();
        if (endpoint.apiKeyEnv() != null) {
            String value = System.getenv(endpoint.apiKeyEnv());
            if (value == null || value.isBlank()) {
                return Optional.of("the environment variable " + endpoint.apiKeyEnv() + " named for the " + role
                        + "'s API key is not set");
            }
            key = Optional.of(value.trim());
        }
        EndpointProbe.Result result =
                new EndpointProbe(Duration.ofSeconds(15)).probe(role, endpoint.baseUrl(), endpoint.model(), key);
        if (!result.usable()) {
            return Optional.of(result.message());
        }
        out.println("Checked: " + result.message());
        return Optional.empty();
    }

    /**
     * The services' model settings: the target endpoint (also the RAISE agent's policy), the judge endpoint bound to
     * the judge role when given; the user simulator is the rule-based one by default, which answers with the profile's
     * values and declines as our code decides, so the agent rows measure the agent, not a second model's play; with
     * {@code --user-simulator target} the target endpoint plays the user in character.
     */
    ModelSettings settings(Endpoint target, Optional<Endpoint> judge) {
        ModelSettings settings = new ModelSettings();
        declare(settings, target);
        settings.bind("agent", target.name())
                .bind("user-simulator", userSimulator == UserSimulatorChoice.target ? target.name() : REFERENCE_USER);
        judge.ifPresent(j -> {
            if (!j.equals(target)) {
                declare(settings, j);
            }
            settings.bind("judge", j.name());
        });
        return settings;
    }

    private void declare(ModelSettings settings, Endpoint endpoint) {
        settings.endpoint(endpoint.name(), endpoint.baseUrl(), endpoint.model(), endpoint.apiKeyEnv())
                .endpointSetting(endpoint.name(), "concurrency", String.valueOf(concurrency));
    }

    private Map<String, Object> planningRequest(Endpoint target, String judgeName) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("source", "builtin");
        request.put("split", "train");
        if (limit != null) {
            request.put("limit", limit);
        }
        request.put("model", target.name());
        request.put("judgeModel", judgeName);
        return request;
    }

    private Map<String, Object> runRequest(Endpoint target, boolean llmJudge, String judgeName) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("source", "builtin");
        request.put("models", List.of(target.name()));
        request.put("conditions", conditions);
        request.put("judgeModel", judgeName);
        if (!llmJudge) {
            // scenario-service refuses an LLM target scored by the rule-based judge unless the run says it means it.
            request.put("allowReferenceJudge", true);
        }
        request.put("seed", seed);
        request.put("best3Sample", best3Sample);
        if (limit != null) {
            request.put("limit", limit);
        }
        return request;
    }

    private static boolean isRaise(String condition) {
        String c = condition.trim();
        return c.equalsIgnoreCase("agent") || c.equalsIgnoreCase("planner");
    }

    private static boolean sameUrl(String a, String b) {
        return strip(a).equalsIgnoreCase(strip(b));
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
