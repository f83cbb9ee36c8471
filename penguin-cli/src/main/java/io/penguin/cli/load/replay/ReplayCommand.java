package io.penguin.cli.load.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.penguin.cli.load.DurationConverter;
import io.penguin.cli.load.RecordedItem;
import io.penguin.cli.load.Recording;
import io.penguin.cli.load.SummaryFile;
import io.penguin.cli.platform.PlatformClient;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code penguin replay}: a recording into a running deployment, paced, bounded, measured. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Replay a recording (see 'penguin record') into a running deployment: publish its work items to the"
                    + " broker under a run id of their own, at the recorded pace or another, and measure end-to-end"
                    + " latency (published -> judged), throughput, consumer lag per service and dead letters from"
                    + " the platform's topics. Stops by itself: after one pass over the recording (or --count items),"
                    + " at --duration at the latest, then waits at most --drain-timeout for judgements.",
            "Exit status: 0 when every item was judged, 2 when some were dead-lettered or unfinished."
        })
public class ReplayCommand implements Callable<Integer> {

    static class Pace {
        @Option(
                names = "--speed",
                paramLabel = "FACTOR",
                description = "The recorded pace times FACTOR (the default pace is the recorded one, x1).")
        Double speed;

        @Option(names = "--rate", paramLabel = "PER_SECOND", description = "A constant rate, items per second.")
        Double rate;

        @Option(
                names = "--ramp",
                paramLabel = "FROM:TO",
                description = "A rate rising linearly from FROM to TO items per second over --duration.")
        String ramp;

        @Option(
                names = "--bursts",
                paramLabel = "SIZE:EVERY",
                description = "SIZE items at once every EVERY (a duration such as 5s or PT5S).")
        String bursts;
    }

    @Parameters(index = "0", paramLabel = "RECORDING", description = "The recording (.jsonl or .jsonl.gz).")
    Path recording;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Pace pace = new Pace();

    @Option(
            names = "--bootstrap-servers",
            defaultValue = "${env:PENGUIN_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "The deployment's Kafka (default: $PENGUIN_BOOTSTRAP_SERVERS or ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(
            names = "--judge-url",
            description = "The deployment's judge-service (e.g. http://localhost:8083): when given, the summary also"
                    + " counts the judgements it stored for the replay's run ids.")
    URI judgeUrl;

    @Option(
            names = "--run-id",
            description = "The run id of the replayed items (default: replay-<random uuid>); use a fresh one per"
                    + " replay, since the judge scores a work item once per run.")
    String runId;

    @Option(names = "--count", description = "Send at most this many items (default: one pass over the recording).")
    Long count;

    @Option(names = "--loop", description = "Start over at the end of the recording (each pass gets its own run id).")
    boolean loop;

    @Option(
            names = "--duration",
            defaultValue = "10m",
            converter = DurationConverter.class,
            description = "Send no item due after this (default: ${DEFAULT-VALUE}); a ramp runs over it.")
    Duration duration;

    @Option(
            names = "--drain-timeout",
            defaultValue = "2m",
            converter = DurationConverter.class,
            description = "After the last item, wait at most this long for judgements (default: ${DEFAULT-VALUE}).")
    Duration drainTimeout;

    @Option(names = "--model", description = "Send every item to this target model instead of the recorded one.")
    String model;

    @Option(names = "--judge", description = "Have every item judged by this model instead of the recorded one.")
    String judge;

    @Option(names = "--summary-json", description = "Also write the summary, with per-second counts, as JSON here.")
    Path summaryJson;

    @Option(names = "--quiet", description = "No live progress line.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        List<RecordedItem> items = Recording.read(recording);
        if (loop && count == null && duration.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("--loop needs --count or a --duration of at most 24 h");
        }
        Schedule schedule = schedule(items);
        String id = runId != null ? runId : "replay-" + UUID.randomUUID();
        PrintStream out = System.out;
        out.printf(
                "Replaying %d recorded items as %s into %s (%s)%n",
                items.size(), id, bootstrapServers, schedule.describe());
        ReplaySummary summary = new Replayer(new Replayer.Settings(
                        bootstrapServers,
                        id,
                        schedule,
                        count != null ? count : Long.MAX_VALUE,
                        loop,
                        duration,
                        drainTimeout,
                        model,
                        judge,
                        quiet ? null : out))
                .run(items);
        if (judgeUrl != null) {
            summary = summary.withStoredJudgements(storedJudgements(summary.runIds()));
        }
        out.print(summary.text());
        if (summaryJson != null) {
            SummaryFile.write(summaryJson, summary, out);
        }
        out.printf("Its report: ./penguin report %s%n", id);
        return summary.complete() ? 0 : 2;
    }

    Schedule schedule(List<RecordedItem> items) {
        if (pace.rate != null) {
            return Schedule.constant(pace.rate);
        }
        if (pace.ramp != null) {
            String[] parts = pace.ramp.split(":");
            if (parts.length != 2) {
                throw new IllegalArgumentException("--ramp takes FROM:TO, e.g. 10:200, was " + pace.ramp);
            }
            return Schedule.ramp(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), duration);
        }
        if (pace.bursts != null) {
            String[] parts = pace.bursts.split(":");
            if (parts.length != 2) {
                throw new IllegalArgumentException("--bursts takes SIZE:EVERY, e.g. 100:5s, was " + pace.bursts);
            }
            return Schedule.bursts(Integer.parseInt(parts[0]), DurationConverter.parse(parts[1]));
        }
        long[] offsets = items.stream().mapToLong(RecordedItem::offsetMillis).toArray();
        return Schedule.recorded(offsets, pace.speed != null ? pace.speed : 1.0);
    }

    private long storedJudgements(List<String> runIds) {
        PlatformClient client = new PlatformClient();
        String base = judgeUrl.toString().endsWith("/") ? judgeUrl.toString() : judgeUrl + "/";
        long stored = 0;
        for (String id : runIds) {
            JsonNode judgements = client.get(URI.create(base + "runs/" + id + "/judgements"));
            stored += judgements.size();
        }
        return stored;
    }
}
