package io.penguin.service.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.penguin.contracts.Events;
import io.penguin.contracts.GenerationRequested;
import io.penguin.contracts.WorkItemId;
import io.penguin.core.BuiltinScenarios;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkItemPipelineTest {

    /** A broker whose acknowledgements the test gives: every send waits until the test completes it. */
    private static final class Broker {
        final List<Message<?>> sent = new CopyOnWriteArrayList<>();
        final List<CompletableFuture<Void>> acks = new CopyOnWriteArrayList<>();

        @SuppressWarnings("unchecked")
        <T> MutinyEmitter<T> emitter() {
            return (MutinyEmitter<T>) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {MutinyEmitter.class}, (proxy, method, args) -> {
                        if (method.getName().equals("sendMessage")) {
                            CompletableFuture<Void> ack = new CompletableFuture<>();
                            sent.add((Message<?>) args[0]);
                            acks.add(ack);
                            return Uni.createFrom().completionStage(ack);
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }

        void ackAll() {
            acks.forEach(ack -> ack.complete(null));
        }
    }

    /** What became of each consumed record: acknowledged or nacked. */
    private final Map<Long, String> settled = new ConcurrentHashMap<>();

    private final Broker responses = new Broker();
    private final Broker deadLetters = new Broker();
    private final CountDownLatch slow = new CountDownLatch(1);
    private WorkItemPipeline<GenerationRequested> pipeline;

    @AfterEach
    void close() {
        slow.countDown();
        if (pipeline != null) {
            pipeline.close();
        }
    }

    private WorkItemPipeline<GenerationRequested> pipeline(int window) {
        return pipeline(window, new SimpleMeterRegistry());
    }

    private WorkItemPipeline<GenerationRequested> pipeline(int window, MeterRegistry meters) {
        pipeline = new WorkItemPipeline<>(
                "test",
                GenerationRequested.class,
                InFlightWindow.fixed(window),
                request -> {
                    String model = request.item().model();
                    if (model.equals("slow")) {
                        try {
                            slow.await(1, TimeUnit.MINUTES);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    if (model.equals("broken")) {
                        throw new IllegalStateException("endpoint broken: retry budget spent");
                    }
                    return List.of(request);
                },
                responses.emitter(),
                deadLetters.emitter(),
                meters,
                Duration.ofMinutes(1));
        return pipeline;
    }

    private static String request(String model) {
        var scenario = BuiltinScenarios.all().get(0);
        return Events.encode(GenerationRequested.of(
                new WorkItemId("run", scenario.id(), "context-free", model), "reference-judge", scenario));
    }

    private Message<String> record(long offset, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("penguin.test", 0, offset, "key", value);
        return Message.of(
                value,
                Metadata.of(new IncomingKafkaRecordMetadata<>(record, "test")),
                () -> {
                    settled.put(offset, "acked");
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    settled.put(offset, "nacked: " + failure.getMessage());
                    return CompletableFuture.completedFuture(null);
                });
    }

    private static boolean admitted(Uni<Void> submitted) {
        return submitted.subscribeAsCompletionStage().isDone();
    }

    @Test
    void acknowledgesARecordOnlyOnceItsOutputIsOnTheBroker() {
        pipeline(4).submit(record(0, request("m"))).await().indefinitely();

        await().until(() -> responses.sent.size() == 1);
        assertThat(settled).isEmpty();
        assertThat(pipeline.window().inFlight()).isEqualTo(1);

        responses.ackAll();

        await().until(() -> "acked".equals(settled.get(0L)));
        await().until(() -> pipeline.window().inFlight() == 0);
    }

    @Test
    void aSlowItemDoesNotHoldBackTheItemsBehindIt() {
        pipeline(4);
        pipeline.submit(record(0, request("slow"))).await().indefinitely();
        for (long offset = 1; offset <= 3; offset++) {
            pipeline.submit(record(offset, request("m"))).await().indefinitely();
        }

        await().until(() -> responses.sent.size() == 3);
        responses.ackAll();
        await().until(() -> settled.keySet().containsAll(List.of(1L, 2L, 3L)));
        assertThat(settled).doesNotContainKey(0L);

        slow.countDown();
        await().until(() -> responses.sent.size() == 4);
        responses.ackAll();
        await().until(() -> "acked".equals(settled.get(0L)));
    }

    @Test
    void takesTheNextRecordOnlyOnceTheWindowHasRoom() {
        pipeline(2);
        assertThat(admitted(pipeline.submit(record(0, request("slow"))))).isTrue();
        assertThat(admitted(pipeline.submit(record(1, request("slow"))))).isTrue();
        CompletableFuture<Void> third = pipeline.submit(record(2, request("m"))).subscribeAsCompletionStage();
        assertThat(third).isNotDone();
        assertThat(pipeline.window().peak()).isEqualTo(2);

        slow.countDown();
        await().until(() -> responses.sent.size() == 2);
        responses.ackAll();

        await().until(third::isDone);
        await().until(() -> responses.sent.size() == 3);
        assertThat(pipeline.window().peak()).isEqualTo(2);
    }

    @Test
    void aRecordThatCannotBeDecodedIsDeadLetteredAndAcknowledgedOnlyOnceTheDeadLetterIsOnTheBroker() {
        pipeline(4).submit(record(7, "{not json")).await().indefinitely();

        await().until(() -> deadLetters.sent.size() == 1);
        assertThat(responses.sent).isEmpty();
        assertThat(settled).isEmpty();
        var metadata = deadLetters
                .sent
                .get(0)
                .getMetadata(io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata.class)
                .orElseThrow();
        assertThat(metadata.getTopic()).isEqualTo("penguin.test.dlq");
        assertThat(new String(
                        metadata.getHeaders().lastHeader(DeadLetters.OFFSET).value(), StandardCharsets.UTF_8))
                .isEqualTo("7");

        deadLetters.ackAll();
        await().until(() -> "acked".equals(settled.get(7L)));
    }

    @Test
    void anItemWhoseWorkFailedIsDeadLetteredWithTheStageAndTheReason() {
        pipeline(4).submit(record(3, request("broken"))).await().indefinitely();

        await().until(() -> deadLetters.sent.size() == 1);
        var metadata = deadLetters
                .sent
                .get(0)
                .getMetadata(io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata.class)
                .orElseThrow();
        assertThat(new String(
                        metadata.getHeaders().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8))
                .isEqualTo("test failed: endpoint broken: retry budget spent");
        deadLetters.ackAll();
        await().until(() -> "acked".equals(settled.get(3L)));
    }

    @Test
    void aRecordWhoseOutputTheBrokerRefusedIsNackedAndItsPlaceFreed() {
        pipeline(1).submit(record(5, request("m"))).await().indefinitely();

        await().until(() -> responses.acks.size() == 1);
        responses.acks.get(0).completeExceptionally(new IllegalStateException("broker refused"));

        await().until(() -> settled.containsKey(5L));
        assertThat(settled.get(5L)).isEqualTo("nacked: broker refused");
        await().until(() -> pipeline.window().inFlight() == 0);
    }

    @Test
    void aStagesGaugesReadTheLiveWindowAfterAnEarlierPipelineOfTheStageClosedOnTheSameRegistry() {
        MeterRegistry meters = new SimpleMeterRegistry();
        pipeline(3, meters).close();

        pipeline(7, meters);
        System.gc();

        assertThat(meters.get("penguin.work.in.flight.limit")
                        .tag("stage", "test")
                        .gauge()
                        .value())
                .isEqualTo(7.0);
        assertThat(meters.get("penguin.work.in.flight")
                        .tag("stage", "test")
                        .gauge()
                        .value())
                .isZero();
    }
}
