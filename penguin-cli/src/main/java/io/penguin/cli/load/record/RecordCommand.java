package io.penguin.cli.load.record;

import io.penguin.cli.catalog.CatalogOptions;
import io.penguin.cli.catalog.CatalogSelection;
import io.penguin.cli.load.RecordedItem;
import io.penguin.cli.load.Recording;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code penguin record}: a run's work items, or a catalog selection, to a recording file for {@code replay}. */
@Command(
        name = "record",
        mixinStandardHelpOptions = true,
        description = {
            "Record a scenario stream to a file (JSON lines; gzip when the name ends in .gz) for 'penguin replay':"
                    + " the work items a run published, with the pace they were published at, or a catalog"
                    + " selection x conditions x models at a chosen pace.",
            "The file holds whole scenarios, profiles included: keep it where sensitive data belongs."
        })
public class RecordCommand implements Callable<Integer> {

    static class Source {
        @Option(
                names = "--run",
                paramLabel = "RUN_ID",
                description = "Record the work items this run published (read from the broker).")
        String runId;

        @Option(
                names = "--catalog",
                description = "Record a catalog selection (read from the scenario-service's export).")
        boolean catalog;
    }

    @ArgGroup(multiplicity = "1")
    Source source;

    @Option(
            names = {"-o", "--output"},
            required = true,
            description = "The recording to write (.jsonl, or .jsonl.gz to compress).")
    Path output;

    @Option(
            names = "--bootstrap-servers",
            defaultValue = "${env:PENGUIN_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka, for --run (default: $PENGUIN_BOOTSTRAP_SERVERS or ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(
            names = "--timeout",
            defaultValue = "PT5M",
            description = "How long reading the topic may take, for --run (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Mixin
    CatalogOptions catalogService;

    @Mixin
    CatalogSelection selection;

    @Option(
            names = "--limit",
            defaultValue = "1000",
            description = "--catalog: at most this many scenarios (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(
            names = "--condition",
            description = "--catalog: conditions (repeatable; default: context-free and context-rich).")
    List<String> conditions = List.of("context-free", "context-rich");

    @Option(names = "--model", description = "--catalog: target models (repeatable; default: reference).")
    List<String> models = List.of("reference");

    @Option(
            names = "--judge",
            defaultValue = "reference-judge",
            description = "--catalog: the judge model (default: ${DEFAULT-VALUE}).")
    String judge;

    @Option(
            names = "--rate",
            defaultValue = "10",
            description = "--catalog: the recorded pace, work items per second (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--seed", defaultValue = "0", description = "--catalog: seed of random-3 draws.")
    long seed;

    @Override
    public Integer call() throws Exception {
        List<RecordedItem> items;
        String what;
        if (source.runId != null) {
            items = new RunRecorder(bootstrapServers, timeout).record(source.runId);
            what = "run " + source.runId;
            if (items.isEmpty()) {
                throw new IllegalStateException(
                        "no work item of " + source.runId + " on the broker at " + bootstrapServers);
            }
        } else {
            CatalogRecorder recorder = new CatalogRecorder(conditions, models, judge, rate, seed, limit);
            Map<String, List<String>> query = selection.exportQuery("jsonl");
            try (InputStream body = catalogService.client().open("catalog/exports", query);
                    BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                items = recorder.record(reader);
            }
            what = "the catalog selection";
            if (items.isEmpty()) {
                throw new IllegalStateException("the catalog selection is empty");
            }
        }
        Recording.write(output, items);
        long span = items.get(items.size() - 1).offsetMillis();
        System.out.printf(
                "Recorded %d work items of %s over %.1f s to %s%n", items.size(), what, span / 1000.0, output);
        return 0;
    }
}
