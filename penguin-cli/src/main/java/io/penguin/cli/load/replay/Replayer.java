package io.penguin.cli.load.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.penguin.cli.load.Counts;
import io.penguin.cli.load.KafkaClients;
import io.penguin.cli.load.Latencies;
import io.penguin.cli.load.RecordedItem;
import io.penguin.contracts.Events;
import io.penguin.contracts.GenerationRequested;
import io.penguin.contracts.JudgementRecorded;
import io.penguin.contracts.MalformedEventException;
import io.penguin.contracts.Topics;
import io.penguin.contracts.WorkItemId;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * Publishes a recording's work items straight to {@link Topics#GENERATION_REQUESTS} on a schedule, under a run id of
 * its own, and measures from the platform's own topics: each item's judgement on {@link Topics#JUDGEMENTS} (end-to-end
 * latency, throughput), the dead-letter topics (failed items and why), and the services' consumer lag. It reads the
 * topics from their ends as they were before the first item was sent, so earlier traffic does not count.
 *
 * <p>Items are not registered with scenario-service: its run tracking ignores them, while judge-service stores and
 * reports their judgements under the replay's run id like any run's ({@code penguin report <run id>}).
 */
public final class Replayer {

    private static final ObjectMapper JSON = Events.mapper();
    private static final List<String> DEAD_LETTER_TOPICS = List.of(
            Topics.dlq(Topics.GENERATION_REQUESTS), Topics.dlq(Topics.RESPONSES), Topics.dlq(Topics.JUDGEMENTS));

    /**
     * What to replay, how fast and for how long.
     *
     * @param bootstrapServers the broker of the deployment to load
     * @param runId the run id of the first pass; a later pass over the recording uses {@code <runId>-pass<n>}
     * @param schedule when each item is due
     * @param maxItems stop after this many items
     * @param loop start over at the end of the recording (else one pass at most)
     * @param duration send no item due after this
     * @param drainTimeout after the last item is sent, wait at most this long for judgements
     * @param model the target model of every item, instead of the recorded one ({@code null}: as recorded)
     * @param judgeModel the judge of every item, instead of the recorded one ({@code null}: as recorded)
     * @param progress where the live progress line goes, once a second ({@code null}: nowhere)
     */
    public record Settings(
            String bootstrapServers,
            String runId,
            Schedule schedule,
            long maxItems,
            boolean loop,
            Duration duration,
            Duration drainTimeout,
            String model,
            String judgeModel,
            PrintStream progress) {}

    private record InFlight(long sentNanos, String judgeModel) {}

    private final Settings settings;
    private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();
    private final Latencies latency = new Latencies();
    private final Latencies scheduleLag = new Latencies();
    private final LongAdder sent = new LongAdder();
    private final LongAdder judged = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();
    private final LongAdder sendErrors = new LongAdder();
    private final LongAdder unmatched = new LongAdder();
    private final Counts<String> deadLetteredByTopic = new Counts<>();
    private final Counts<String> errors = new Counts<>();
    private final Counts<Long> sentPerSecond = new Counts<>();
    private final Counts<Long> judgedPerSecond = new Counts<>();
    private final Map<String, Long> maxLag = new ConcurrentHashMap<>();
    private final Map<String, Long> lastLag = new ConcurrentHashMap<>();
    private final AtomicLong lastJudgedNanos = new AtomicLong();
    private volatile boolean watching = true;
    private long repeated;
    private volatile long start;

    public Replayer(Settings settings) {
        this.settings = settings;
    }

    public ReplaySummary run(List<RecordedItem> recorded) {
        List<RecordedItem> recording = distinct(recorded);
        if (recording.isEmpty()) {
            throw new IllegalArgumentException("the recording is empty");
        }
        long limit = settings.loop() ? settings.maxItems() : Math.min(settings.maxItems(), recording.size());
        String marker = "\"runId\":\"" + settings.runId();
        List<String> runIds = new ArrayList<>();
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "penguin-replay-timer");
            thread.setDaemon(true);
            return thread;
        });
        try (KafkaProducer<String, String> producer = KafkaClients.producer(settings.bootstrapServers());
                KafkaConsumer<String, String> reader = KafkaClients.reader(settings.bootstrapServers());
                ConsumerLag lag = new ConsumerLag(settings.bootstrapServers())) {
            List<String> watchedTopics = new ArrayList<>(DEAD_LETTER_TOPICS);
            watchedTopics.add(0, Topics.JUDGEMENTS);
            List<TopicPartition> partitions = KafkaClients.partitions(reader, watchedTopics);
            reader.assign(partitions);
            reader.seekToEnd(partitions);
            partitions.forEach(reader::position); // resolve the end offsets now, before the first item is sent
            Thread watcher = new Thread(() -> watch(reader, marker), "penguin-replay-watcher");
            watcher.setDaemon(true);

            start = System.nanoTime();
            Instant startedAt = Instant.now();
            watcher.start();
            timers.scheduleWithFixedDelay(() -> sampleLag(lag), 0, 2, TimeUnit.SECONDS);
            if (settings.progress() != null) {
                timers.scheduleAtFixedRate(this::printProgress, 1, 1, TimeUnit.SECONDS);
            }

            long durationNanos = settings.duration().toNanos();
            long sendEnd = start;
            for (long index = 0; index < limit; index++) {
                long due = settings.schedule().dueNanos(index);
                if (due > durationNanos) {
                    break;
                }
                long dueAt = start + due;
                long now;
                while ((now = System.nanoTime()) < dueAt) {
                    LockSupport.parkNanos(dueAt - now);
                }
                scheduleLag.recordNanos(now - dueAt);
                int pass = (int) (index / recording.size());
                String runId = pass == 0 ? settings.runId() : settings.runId() + "-pass" + (pass + 1);
                if (runIds.isEmpty() || !runIds.get(runIds.size() - 1).equals(runId)) {
                    runIds.add(runId);
                }
                send(producer, recording.get((int) (index % recording.size())), runId);
                sendEnd = System.nanoTime();
            }
            producer.flush();

            long drainDeadline = System.nanoTime() + settings.drainTimeout().toNanos();
            while (!inFlight.isEmpty() && System.nanoTime() < drainDeadline) {
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
            long end = System.nanoTime();
            watching = false;
            timers.shutdownNow();
            try {
                watcher.join(Duration.ofSeconds(10).toMillis());
                timers.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (settings.progress() != null) {
                printProgress();
                settings.progress().println();
            }
            sampleLag(lag);
            return summary(runIds, startedAt, sendEnd, end);
        } finally {
            timers.shutdownNow();
        }
    }

    /**
     * The recording with the model and judge overrides applied, each work-item identity once: a run holds one item
     * per scenario, condition and model (the judge scores an identity once), so items that become the same item
     * under {@code --model} (e.g. a recording of two target models replayed against one) are replayed once.
     */
    private List<RecordedItem> distinct(List<RecordedItem> recorded) {
        Map<String, RecordedItem> byIdentity = new LinkedHashMap<>();
        for (RecordedItem item : recorded) {
            RecordedItem effective = new RecordedItem(
                    item.offsetMillis(),
                    item.scenario(),
                    item.condition(),
                    settings.model() != null ? settings.model() : item.model(),
                    settings.judgeModel() != null ? settings.judgeModel() : item.judgeModel(),
                    item.panelJudges());
            byIdentity.putIfAbsent(
                    effective.scenario().id() + "/" + effective.condition() + "/" + effective.model(), effective);
        }
        repeated = recorded.size() - byIdentity.size();
        return List.copyOf(byIdentity.values());
    }

    private void send(KafkaProducer<String, String> producer, RecordedItem recorded, String runId) {
        String judge = recorded.judgeModel();
        GenerationRequested event = GenerationRequested.of(
                new WorkItemId(runId, recorded.scenario().id(), recorded.condition(), recorded.model()),
                judge,
                recorded.panelJudges(),
                recorded.scenario());
        String key = event.item().toString();
        String value = Events.encode(event);
        long now = System.nanoTime();
        InFlight flight = new InFlight(now, judge);
        if (inFlight.putIfAbsent(key, flight) != null) {
            throw new IllegalStateException("work item " + key + " is already in flight");
        }
        sent.increment();
        count(sentPerSecond, now);
        producer.send(new ProducerRecord<>(Topics.GENERATION_REQUESTS, event.key(), value), (metadata, failure) -> {
            if (failure != null && inFlight.remove(key, flight)) {
                sendErrors.increment();
                errors.add("send: " + failure.getClass().getSimpleName());
            }
        });
    }

    private void watch(KafkaConsumer<String, String> reader, String marker) {
        while (watching) {
            for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(100))) {
                String value = record.value();
                if (value == null || !value.contains(marker)) {
                    continue;
                }
                if (record.topic().equals(Topics.JUDGEMENTS)) {
                    judgement(value);
                } else {
                    deadLetter(record);
                }
            }
        }
    }

    private void judgement(String value) {
        long now = System.nanoTime();
        JudgementRecorded judgement;
        try {
            judgement = Events.decode(value, JudgementRecorded.class);
        } catch (MalformedEventException e) {
            errors.add("undecodable judgement");
            return;
        }
        String key = judgement.item().toString();
        InFlight flight = inFlight.get(key);
        if (flight == null) {
            unmatched.increment();
            return;
        }
        if (!flight.judgeModel().equals(judgement.judgeModel())) {
            return; // a panel judge's judgement: the item is done when its own judge has scored it
        }
        if (inFlight.remove(key, flight)) {
            latency.recordNanos(now - flight.sentNanos());
            judged.increment();
            count(judgedPerSecond, now);
            lastJudgedNanos.accumulateAndGet(now, Math::max);
        }
    }

    private void deadLetter(ConsumerRecord<String, String> record) {
        JsonNode item;
        try {
            item = JSON.readTree(record.value()).path("item");
        } catch (IOException e) {
            return; // a poison record that names the run somewhere: not one of our items
        }
        String key = item.path("runId").asText() + "/" + item.path("scenarioId").asText() + "/"
                + item.path("condition").asText() + "/" + item.path("model").asText();
        InFlight flight = inFlight.remove(key);
        if (flight == null) {
            return;
        }
        deadLettered.increment();
        deadLetteredByTopic.add(record.topic());
        Header reason = record.headers().lastHeader("dead-letter-reason");
        String text = reason == null ? "unknown" : new String(reason.value(), StandardCharsets.UTF_8);
        errors.add("dead letter: " + (text.length() > 120 ? text.substring(0, 120) + "..." : text));
    }

    private void sampleLag(ConsumerLag lag) {
        try {
            lag.sample().forEach((group, behind) -> {
                lastLag.put(group, behind);
                maxLag.merge(group, behind, Math::max);
            });
        } catch (RuntimeException e) {
            errors.add("lag sample: " + e.getClass().getSimpleName());
        }
    }

    private void printProgress() {
        double seconds = (System.nanoTime() - start) / 1e9;
        Latencies.Percentiles now = latency.percentiles();
        StringBuilder line = new StringBuilder(String.format(
                Locale.ROOT,
                "[%5.0f s] sent %d, judged %d, dead-lettered %d, in flight %d; p50 %s ms, p99 %s ms",
                seconds,
                sent.sum(),
                judged.sum(),
                deadLettered.sum(),
                inFlight.size(),
                now.p50(),
                now.p99()));
        if (!lastLag.isEmpty()) {
            line.append("; lag");
            new TreeMap<>(lastLag)
                    .forEach((group, behind) ->
                            line.append(' ').append(group).append(' ').append(behind));
        }
        settings.progress().print("\r" + line + "   ");
        settings.progress().flush();
    }

    private ReplaySummary summary(List<String> runIds, Instant startedAt, long sendEnd, long end) {
        long sentCount = sent.sum();
        long judgedCount = judged.sum();
        double sendSeconds = (sendEnd - start) / 1e9;
        long lastJudged = lastJudgedNanos.get();
        double judgingSeconds = lastJudged == 0 ? 0 : (lastJudged - start) / 1e9;
        long seconds = (end - start) / 1_000_000_000L + 1;
        List<ReplaySummary.Second> perSecond = new ArrayList<>();
        long peak = 0;
        for (long second = 0; second < seconds; second++) {
            long s = sentPerSecond.get(second);
            long j = judgedPerSecond.get(second);
            peak = Math.max(peak, j);
            perSecond.add(new ReplaySummary.Second(second, s, j));
        }
        Map<String, ReplaySummary.GroupLag> groups = new TreeMap<>();
        maxLag.forEach(
                (group, max) -> groups.put(group, new ReplaySummary.GroupLag(max, lastLag.getOrDefault(group, 0L))));
        return new ReplaySummary(
                settings.runId(),
                List.copyOf(runIds),
                settings.schedule().describe(),
                settings.bootstrapServers(),
                startedAt,
                sentCount,
                judgedCount,
                deadLettered.sum(),
                inFlight.size(),
                sendErrors.sum(),
                deadLetteredByTopic.sorted(),
                errors.sorted(),
                unmatched.sum(),
                round(sendSeconds),
                round((end - start) / 1e9),
                round(sendSeconds > 0 ? sentCount / sendSeconds : sentCount),
                round(judgingSeconds > 0 ? judgedCount / judgingSeconds : 0),
                peak,
                latency.percentiles(),
                scheduleLag.percentiles(),
                groups,
                perSecond,
                repeated,
                null);
    }

    private void count(Counts<Long> perSecond, long nanos) {
        perSecond.add((nanos - start) / 1_000_000_000L);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
