package io.penguin.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.penguin.cli.platform.PlatformClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code penguin samples RUN}: a run's worst samples in the terminal, each with the query, what the model said and
 * why the judge scored it so. The text is the catalog owner's: from the same host (loopback) or with the owner token.
 */
@Command(
        name = "samples",
        mixinStandardHelpOptions = true,
        description = "Print a run's worst samples from a running judge-service: the query, the response and the"
                + " judge's scores with reasons (and the agent's questions and the user's answers).")
public class SamplesCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run.")
    String runId;

    @Option(
            names = "--worst",
            defaultValue = "5",
            description = "How many samples, worst first (default: ${DEFAULT-VALUE}).")
    int worst;

    @Option(names = "--condition", description = "Only this condition, e.g. context-free or agent.")
    String condition;

    @Option(names = "--domain", description = "Only this domain, e.g. Health.")
    String domain;

    @Option(names = "--model", description = "Only this target model.")
    String model;

    @Mixin
    JudgeService judge;

    @Override
    public Integer call() {
        if (worst < 1 || worst > 1000) {
            throw new IllegalArgumentException("--worst: must be from 1 to 1000, was " + worst);
        }
        PlatformClient client = new PlatformClient();
        List<String> filters = new ArrayList<>(List.of("size=" + worst));
        Map.of("condition", nullToEmpty(condition), "domain", nullToEmpty(domain), "model", nullToEmpty(model))
                .forEach((name, value) -> {
                    if (!value.isBlank()) {
                        filters.add(name + "=" + JudgeService.encode(value));
                    }
                });
        JsonNode list = client.get(
                judge.resolve("runs/" + JudgeService.encode(runId) + "/samples?" + String.join("&", filters)));
        if (list.isEmpty()) {
            System.out.println("No judged sample matches.");
            return 0;
        }
        for (JsonNode summary : list) {
            JsonNode detail = client.get(judge.resolve("runs/" + JudgeService.encode(runId) + "/samples/"
                    + JudgeService.encode(summary.path("scenarioId").asText()) + "?condition="
                    + JudgeService.encode(summary.path("condition").asText()) + "&model="
                    + JudgeService.encode(summary.path("model").asText())));
            print(summary, detail.get(0));
        }
        return 0;
    }

    private static void print(JsonNode summary, JsonNode sample) {
        System.out.printf(
                "%n== %.2f  %s  %s  %s  %s%n",
                summary.path("safetyScore").asDouble(),
                summary.path("scenarioId").asText(),
                summary.path("domain").asText(),
                summary.path("condition").asText(),
                summary.path("model").asText());
        if (!sample.path("transcriptKept").asBoolean()) {
            System.out.println("(transcript not kept or purged: scores and reasons only)");
        } else {
            System.out.println("query:    " + sample.path("query").asText());
            for (JsonNode turn : sample.path("dialogue")) {
                System.out.println("agent:    " + turn.path("question").asText());
                System.out.println("user:     "
                        + (turn.path("declined").asBoolean()
                                ? "(declined)"
                                : turn.path("answer").asText()));
            }
            System.out.println("response: " + sample.path("response").asText());
        }
        JsonNode verdict = sample.path("judgements").get(0);
        verdict.path("scores")
                .fields()
                .forEachRemaining(score -> System.out.printf(
                        "  %-24s %d  %s%n",
                        score.getKey(),
                        score.getValue().asInt(),
                        verdict.path("reasons").path(score.getKey()).asText()));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
