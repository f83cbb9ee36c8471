package io.penguin.cli.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code penguin write} (also {@code penguin generate}): has the scenario-service write scenarios, offline or with a
 * configured model, and waits for the writing job.
 */
@Command(
        name = "write",
        aliases = "generate",
        mixinStandardHelpOptions = true,
        description = "Write scenarios in a running scenario-service (default: 140 issues x 10 profiles x 10"
                + " queries = 14,000) with its offline generator or, with --model, a model endpoint configured there,"
                + " and wait until they are stored.")
public class WriteCommand implements Callable<Integer> {

    @Mixin
    CatalogOptions service;

    @Option(
            names = "--seed",
            defaultValue = "1",
            description = "The same seed gives the same scenarios (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--profiles-per-issue", defaultValue = "10", description = "Default: ${DEFAULT-VALUE}.")
    int profilesPerIssue;

    @Option(names = "--queries-per-profile", defaultValue = "10", description = "Default: ${DEFAULT-VALUE}.")
    int queriesPerProfile;

    @Option(names = "--domain", description = "Only these domains (repeatable).")
    List<String> domains = List.of();

    @Option(names = "--issue", description = "Only these issues (repeatable).")
    List<String> issues = List.of();

    @Option(
            names = "--model",
            description = "A model endpoint configured in the scenario-service (penguin.models.endpoints.<name>.*)"
                    + " writes the scenarios; 'offline' for the offline generator. Default: the service's"
                    + " penguin.models.roles.generator, else offline.")
    String model;

    @Option(
            names = "--timeout",
            defaultValue = "PT10M",
            description = "How long to wait (default: ${DEFAULT-VALUE}; a model may need hours for the full catalog).")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        CatalogClient client = service.client();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("seed", seed);
        request.put("profilesPerIssue", profilesPerIssue);
        request.put("queriesPerProfile", queriesPerProfile);
        request.put("domains", domains);
        request.put("issues", issues);
        if (model != null && !model.isBlank()) {
            request.put("model", model);
        }
        CatalogClient.Answer started = client.post("catalog/writing-jobs", request);
        if (started.status() != 202) {
            throw new IllegalStateException("generation refused with " + started.status() + ": "
                    + started.body().path("detail").asText());
        }
        String id = started.body().path("id").asText();
        System.out.printf(
                "Generation %s with %s: %d issues x %d profiles x %d queries, seed %d%n",
                id,
                started.body().path("model").asText(),
                started.body().path("issues").asInt(),
                profilesPerIssue,
                queriesPerProfile,
                seed);
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode job = started.body();
        int issuesReported = 0;
        while (job.path("status").asText().equals("RUNNING")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("generation " + id + " did not finish within " + timeout
                        + "; it goes on in the service: GET /catalog/writing-jobs/" + id);
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
            job = client.get("catalog/writing-jobs/" + id).body();
            int issuesDone = job.path("issuesDone").asInt();
            if (!job.path("rejections").isMissingNode()
                    && !job.path("rejections").isNull()
                    && issuesDone > issuesReported) {
                issuesReported = issuesDone;
                System.out.printf(
                        "  %d of %d issues done, %d scenarios stored%n",
                        issuesDone,
                        job.path("issues").asInt(),
                        job.path("written").asLong());
            }
        }
        printRejections(job.path("rejections"));
        if (!job.path("status").asText().equals("COMPLETED")) {
            throw new IllegalStateException(
                    "generation " + id + " failed: " + job.path("error").asText());
        }
        System.out.printf(
                "Generated %d scenarios: %d stored, %d already in the catalog%n",
                job.path("generated").asLong(),
                job.path("written").asLong(),
                job.path("duplicates").asLong());
        return 0;
    }

    /** The model's rejected replies: counts and reasons (fields and problems, never values). */
    private static void printRejections(JsonNode rejections) {
        if (rejections.isMissingNode() || rejections.isNull()) {
            return;
        }
        System.out.printf(
                "Model replies: %d, rejected %d, re-asks %d; given up: %d profiles, %d query sets%n",
                rejections.path("replies").asLong(),
                rejections.path("invalidReplies").asLong(),
                rejections.path("reasks").asLong(),
                rejections.path("abandonedProfiles").asLong(),
                rejections.path("abandonedQuerySets").asLong());
        rejections
                .path("reasons")
                .properties()
                .forEach(reason ->
                        System.out.printf("  %5d  %s%n", reason.getValue().asLong(), reason.getKey()));
    }
}
