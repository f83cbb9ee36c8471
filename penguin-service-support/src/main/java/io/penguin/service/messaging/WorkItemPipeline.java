package io.penguin.service.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.penguin.contracts.Events;
import io.penguin.contracts.PenguinEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The one consumer stage of the services that call models (generation, judging, simulated agent sessions): records
 * flow through one at a time and continuously, as many in flight as the {@link InFlightWindow} allows, across polls
 * and partitions, each answered on a thread of its own (model calls block) and finishing in any order.
 *
 * <p>What each library does: SmallRye Reactive Messaging hands the records over one by one and takes the next only
 * once {@link #submit} has admitted the previous one (a subscriber method returning {@code Uni} is concatenated);
 * its Kafka connector pauses the partitions when its queue ({@code max.poll.records} x
 * {@code max-queue-size-factor}) is full, and its {@code throttled} commit strategy commits an offset only once every
 * record before it is acknowledged. This class acknowledges a record only after its output (or its dead letter) is on
 * the broker, so offsets are committed in order however the items complete, and a crash redelivers whatever was not
 * finished; downstream drops the duplicates by work-item identity. A record that cannot be decoded, or whose work
 * failed, goes to its topic's dead-letter topic with the reason; a record whose output the broker did not take is
 * nacked, and the channel's {@code dead-letter-queue} failure strategy sends it there.
 *
 * @param <T> the event the records carry
 */
public final class WorkItemPipeline<T extends PenguinEvent> implements AutoCloseable {

    /** What a stage does with one event: the events to publish, or an exception whose message is the reason. */
    @FunctionalInterface
    public interface Work<T> {
        List<? extends PenguinEvent> answer(T event);
    }

    /** A failure whose message is the whole dead-letter reason (no "{stage} failed:" in front). */
    public static final class Rejected extends RuntimeException {
        public Rejected(String reason) {
            super(reason);
        }
    }

    private final String stage;
    private final Class<T> type;
    private final InFlightWindow window;
    private final Work<T> work;
    private final MutinyEmitter<Record<String, String>> out;
    private final DeadLetters deadLetters;
    private final MeterRegistry meters;
    private final Duration publishTimeout;
    private final ExecutorService threads;
    private final List<Gauge> gauges;

    /**
     * @param stage the stage's name in metrics ({@code penguin.work.items{stage}}, {@code penguin.work.in.flight}),
     *     thread names and dead-letter reasons, e.g. {@code generation}
     */
    public WorkItemPipeline(
            String stage,
            Class<T> type,
            InFlightWindow window,
            Work<T> work,
            MutinyEmitter<Record<String, String>> out,
            MutinyEmitter<String> deadLetters,
            MeterRegistry meters,
            Duration publishTimeout) {
        this.stage = stage;
        this.type = type;
        this.window = window;
        this.work = work;
        this.out = out;
        this.deadLetters = new DeadLetters(deadLetters);
        this.meters = meters;
        this.publishTimeout = publishTimeout;
        AtomicInteger counter = new AtomicInteger();
        // a thread per item in flight, no queue: the window bounds the items, so the pool never has to refuse one
        this.threads =
                new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
                    Thread thread = new Thread(task, stage + "-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.gauges = List.of(
                gauge("penguin.work.in.flight", InFlightWindow::inFlight),
                gauge("penguin.work.in.flight.peak", InFlightWindow::peak),
                gauge("penguin.work.in.flight.limit", InFlightWindow::capacity));
    }

    /**
     * A gauge that holds this stage's window strongly and is removed on {@link #close}: Micrometer holds a gauge's
     * object weakly by default and hands back the first registration of a name and tags, so a registry that outlives
     * one consumer (a test JVM restarting the application) would otherwise read the old window, or NaN once it is
     * collected.
     */
    private Gauge gauge(String name, ToDoubleFunction<InFlightWindow> value) {
        return Gauge.builder(name, window, value)
                .tags(Tags.of("stage", stage))
                .strongReference(true)
                .register(meters);
    }

    /**
     * Takes one record: completes as soon as it is admitted into the window (not when it is done), so that the next
     * record comes while this one is still being answered. The record is acknowledged (or nacked) later.
     */
    public Uni<Void> submit(Message<String> message) {
        return Uni.createFrom().completionStage(window::admit).invoke(() -> threads.execute(() -> handle(message)));
    }

    public InFlightWindow window() {
        return window;
    }

    private void handle(Message<String> message) {
        Uni<Void> sent;
        try {
            sent = answer(message);
        } catch (RuntimeException | Error e) {
            sent = Uni.createFrom().failure(e);
        }
        sent.ifNoItem()
                .after(publishTimeout)
                .fail()
                .subscribe()
                .with(
                        done -> Uni.createFrom()
                                .completionStage(message.ack())
                                .subscribe()
                                .with(acked -> window.release(), failure -> window.release()),
                        failure -> Uni.createFrom()
                                .completionStage(message.nack(failure))
                                .subscribe()
                                .with(nacked -> window.release(), again -> window.release()));
    }

    /** The sends of one record's outputs, or of its dead letter. */
    private Uni<Void> answer(Message<String> message) {
        ConsumerRecord<String, String> record = record(message);
        T event;
        try {
            event = Events.decode(message.getPayload(), type);
        } catch (RuntimeException e) {
            return deadLetter(record, e.getMessage());
        }
        List<? extends PenguinEvent> events;
        try {
            events = work.answer(event);
        } catch (Rejected e) {
            return deadLetter(record, e.getMessage());
        } catch (RuntimeException e) {
            return deadLetter(record, stage + " failed: " + reason(e));
        }
        meters.counter("penguin.work.items", "stage", stage, "outcome", "done").increment();
        List<Uni<Void>> sends = new ArrayList<>(events.size());
        for (PenguinEvent output : events) {
            sends.add(out.sendMessage(KafkaRecords.causedBy(output, record)));
        }
        if (sends.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    private Uni<Void> deadLetter(ConsumerRecord<String, String> record, String reason) {
        meters.counter("penguin.work.items", "stage", stage, "outcome", "dead-lettered")
                .increment();
        return deadLetters.send(record, reason);
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, String> record(Message<String> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> (ConsumerRecord<String, String>) metadata.getRecord())
                .orElseThrow(() -> new IllegalStateException("not a Kafka record: " + message));
    }

    private static String reason(Throwable failure) {
        String message = failure.getMessage();
        return message == null ? failure.getClass().getSimpleName() : message;
    }

    @Override
    public void close() {
        gauges.forEach(meters::remove);
        threads.shutdownNow();
    }
}
