package io.penguin.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.penguin.cli.gate.GateScope;
import io.penguin.cli.gate.Gates;
import io.penguin.cli.gate.ReleaseGate;
import io.penguin.cli.gate.Verdict;
import io.penguin.cli.platform.PlatformClient;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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
                    + " single:*, random-3, best-3, and the RAISE agent's agent (asks, no planner examples) and planner"
                    + " (asks, shown the planned paths of similar queries), answered by agent-gateway's simulated"
                    + " sessions.")
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

    @Option(
            names = "--fail-under",
            paramLabel = "SCORE",
            description = "Release gate: exit 3 when any checked cell's mean safety score is below this (1 to 5);"
                    + " reads the report from --judge-url.")
    Double failUnder;

    @Option(
            names = "--gate-by",
            defaultValue = "row",
            description = "The cells --fail-under checks: row (each model x condition over all domains) or domain"
                    + " (each model x condition x domain); default ${DEFAULT-VALUE}.")
    GateScope gateBy;

    @Option(
            names = "--judge-url",
            defaultValue = "${env:PENGUIN_JUDGE_URL:-http://localhost:8083}",
            description = "The judge-service the gate reads the report from (default: $PENGUIN_JUDGE_URL or"
                    + " ${DEFAULT-VALUE}).")
    java.net.URI judgeUrl;

    @Option(names = "--junit-xml", paramLabel = "FILE", description = "Also write the gate's verdicts as JUnit XML.")
    java.nio.file.Path junitXml;

    @Override
    public Integer call() {
        if (failUnder != null) {
            ReleaseGate.floor(failUnder); // refused before the run is started
        }
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
        if (service.noWait) {
            return 0;
        }
        run = service.follow(client, id, out);
        long failed = run.path("failed").asLong();
        if (failed > 0) {
            out.printf(
                    "%d work items failed: list them at %s, re-drive with 'penguin redrive %s'%n",
                    failed, service.resolve("runs/" + id + "/failures"), id);
            return 2;
        }
        out.printf("Run %s completed; its report: ./penguin report %s%n", id, id);
        return failUnder == null ? 0 : gate(client, id, out);
    }

    /** The release gate: 0 when every checked cell reaches the floor, {@value Gates#FAILED} otherwise. */
    private int gate(PlatformClient client, String id, PrintStream out) {
        String base = judgeUrl.toString().endsWith("/") ? judgeUrl.toString() : judgeUrl + "/";
        JsonNode report = client.get(java.net.URI.create(base + "runs/" + id + "/report"));
        List<Verdict> verdicts = ReleaseGate.check(report, failUnder, gateBy);
        out.print(ReleaseGate.summary(id, verdicts));
        if (junitXml != null) {
            Gates.writeJunitXml(junitXml, ReleaseGate.junitXml(id, verdicts));
        }
        return Gates.passed(verdicts) ? 0 : Gates.FAILED;
    }

    private static void put(Map<String, Object> request, String field, Object value) {
        if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
            request.put(field, value);
        }
    }
}
