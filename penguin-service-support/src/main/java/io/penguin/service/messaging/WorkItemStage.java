package io.penguin.service.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.penguin.contracts.GenerationRequested;
import io.penguin.contracts.ResponseGenerated;
import io.penguin.service.logging.WorkItemLogContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * One stage that turns work items into responses, a polled batch at a time: decode the batch, answer its items
 * concurrently, publish each response (carrying its record's trace context) or dead-letter the item with the reason,
 * and return only once all of that is on the broker, so the batch's offsets are committed after its output. Poison
 * records are dead-lettered one by one; the rest of the batch goes on. Used by generation-service (plain model calls)
 * and agent-gateway (simulated agent sessions).
 */
public final class WorkItemStage implements AutoCloseable {

    private final String stage;
    private final MutinyEmitter<Record<String, String>> responses;
    private final DeadLetters deadLetters;
    private final MeterRegistry meters;
    private final Duration publishTimeout;
    private final ParallelWork work;

    /**
     * @param stage the stage's name in metrics ({@code penguin.work.items{stage}}), thread names and dead-letter
     *     reasons, e.g. {@code generation}
     * @param concurrency items of one batch answered at once
     */
    public WorkItemStage(
            String stage,
            int concurrency,
            MutinyEmitter<Record<String, String>> responses,
            MutinyEmitter<String> deadLetters,
            MeterRegistry meters,
            Duration publishTimeout) {
        this.stage = stage;
        this.responses = responses;
        this.deadLetters = new DeadLetters(deadLetters);
        this.meters = meters;
        this.publishTimeout = publishTimeout;
        this.work = new ParallelWork(stage, concurrency);
    }

    public void process(
            ConsumerRecords<String, String> records, Function<GenerationRequested, ResponseGenerated> answer) {
        DecodedBatch<GenerationRequested> batch = DecodedBatch.decode(records, GenerationRequested.class);
        List<Uni<Void>> sends = new ArrayList<>();
        batch.rejected().forEach(rejected -> sends.add(deadLetter(rejected)));
        List<ParallelWork.Outcome<ResponseGenerated>> outcomes =
                work.map(batch.events(), request -> answerLogged(request, answer));
        for (int i = 0; i < outcomes.size(); i++) {
            ParallelWork.Outcome<ResponseGenerated> outcome = outcomes.get(i);
            var record = batch.accepted().get(i).record();
            if (outcome.failed()) {
                sends.add(deadLetter(new DecodedBatch.Rejected(record, stage + " failed: " + outcome.reason())));
            } else {
                sends.add(responses.sendMessage(KafkaRecords.causedBy(outcome.value(), record)));
            }
        }
        Acks.awaitAll(sends, publishTimeout);
    }

    private ResponseGenerated answerLogged(
            GenerationRequested request, Function<GenerationRequested, ResponseGenerated> answer) {
        try (var ids = WorkItemLogContext.of(request.item())) {
            ResponseGenerated response = answer.apply(request);
            meters.counter("penguin.work.items", "stage", stage, "outcome", "done")
                    .increment();
            return response;
        }
    }

    private Uni<Void> deadLetter(DecodedBatch.Rejected rejected) {
        meters.counter("penguin.work.items", "stage", stage, "outcome", "dead-lettered")
                .increment();
        return deadLetters.send(rejected);
    }

    @Override
    public void close() {
        work.close();
    }
}
