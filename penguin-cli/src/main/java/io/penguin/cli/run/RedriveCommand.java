package io.penguin.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.penguin.cli.platform.PlatformClient;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code penguin redrive RUN}: publishes a run's failed work items again and follows the run. */
@Command(
        name = "redrive",
        mixinStandardHelpOptions = true,
        description = "Re-drive the failed work items of a run (dead-lettered after their retry budget).")
public class RedriveCommand implements Callable<Integer> {

    @Mixin
    RunOptions service;

    @Parameters(index = "0", description = "The run id.")
    String runId;

    @Override
    public Integer call() {
        PlatformClient client = service.client();
        for (JsonNode failure : client.get(service.resolve("runs/" + runId + "/failures?limit=20"))) {
            System.out.printf(
                    "  %s %s %s: %s (%s, attempt %d)%n",
                    failure.path("scenarioId").asText(),
                    failure.path("condition").asText(),
                    failure.path("model").asText(),
                    failure.path("reason").asText(),
                    failure.path("stage").asText(),
                    failure.path("attempts").asInt());
        }
        JsonNode result = client.post(service.resolve("runs/" + runId + "/redrive"), Map.of());
        System.out.printf(
                "Re-drove %d failed work items of %s%n",
                result.path("republished").asInt(), runId);
        if (service.noWait) {
            return 0;
        }
        JsonNode run = service.follow(client, runId, System.out);
        return run.path("failed").asLong() > 0 ? 2 : 0;
    }
}
