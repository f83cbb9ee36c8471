package io.penguin.service.messaging;

import io.penguin.contracts.Topics;
import io.penguin.service.logging.RepeatedWarnings;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends a consumed record this service cannot handle to its topic's dead-letter topic ({@code <topic>.dlq}), unchanged,
 * with the headers the Kafka connector's own dead-letter strategy writes ({@code dead-letter-reason},
 * {@code dead-letter-topic}, {@code dead-letter-partition}, {@code dead-letter-offset}), so that re-drive and
 * operators see one format. Batch consumers use it to dead-letter single records instead of whole batches. Logs one
 * WARN line per record at most, without a stack trace, and only the first of each (topic, reason) a minute; the
 * repeats are summarised in one line ({@link RepeatedWarnings}).
 */
public final class DeadLetters {

    public static final String REASON = "dead-letter-reason";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";

    /** How long the repeats of one (topic, reason) are counted before their one summary line. */
    private static final Duration SUMMARY_WINDOW = Duration.ofSeconds(60);

    /** One WARN per (topic, reason) a minute, then a count: one bad request cannot flood the log. */
    private static final RepeatedWarnings WARNINGS =
            new RepeatedWarnings(SUMMARY_WINDOW, System::nanoTime, line -> Log.warn(line));

    static {
        ScheduledExecutorService summaries = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "dead-letter-log-summary");
            thread.setDaemon(true);
            return thread;
        });
        summaries.scheduleWithFixedDelay(
                WARNINGS::flush, SUMMARY_WINDOW.toSeconds(), SUMMARY_WINDOW.toSeconds(), TimeUnit.SECONDS);
    }

    private final MutinyEmitter<String> emitter;

    /** @param emitter a Kafka channel; the topic of each message is set per record */
    public DeadLetters(MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Completes when the broker has the dead letter. */
    public Uni<Void> send(ConsumerRecord<String, String> record, String reason) {
        String why = reason == null || reason.isBlank() ? "unknown failure" : reason;
        WARNINGS.warn(
                record.topic() + "|" + why,
                "record " + record.topic() + "-" + record.partition() + "@" + record.offset()
                        + " rejected, sending it to the DLQ: " + why,
                "records of " + record.topic() + " sent to the DLQ: " + why);
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.remove(REASON);
        headers.add(REASON, bytes(why));
        headers.add(TOPIC, bytes(record.topic()));
        headers.add(PARTITION, bytes(Integer.toString(record.partition())));
        headers.add(OFFSET, bytes(Long.toString(record.offset())));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key())
                .withTopic(Topics.dlq(record.topic()))
                .withHeaders(headers)
                .build();
        String value = record.value() == null ? "" : record.value();
        return emitter.sendMessage(Message.of(value).addMetadata(metadata));
    }

    public Uni<Void> send(DecodedBatch.Rejected rejected) {
        return send(rejected.record(), rejected.reason());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
