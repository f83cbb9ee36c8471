package io.penguin.generation.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.penguin.contracts.GenerationRequested;
import io.penguin.contracts.ResponseGenerated;
import io.penguin.generation.config.GenerationConfig;
import io.penguin.generation.service.ResponseGenerator;
import io.penguin.service.logging.WorkItemLogContext;
import io.penguin.service.messaging.Acks;
import io.penguin.service.messaging.DeadLetters;
import io.penguin.service.messaging.DecodedBatch;
import io.penguin.service.messaging.KafkaRecords;
import io.penguin.service.messaging.ParallelWork;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Work items in, responses out, a polled batch at a time: the batch's model calls run concurrently, and its offsets
 * are committed only after every response (and every dead letter) is on the broker, so a crash redelivers the batch
 * and the judge drops the duplicates. A record that cannot be decoded, or whose model call failed after the endpoint's
 * retry budget, goes to {@code penguin.generation.requests.dlq} with the reason; the rest of the batch goes on.
 */
@ApplicationScoped
public class GenerationRequestConsumer {

    private final ResponseGenerator generator;
    private final MeterRegistry meters;
    private final MutinyEmitter<Record<String, String>> responses;
    private final DeadLetters deadLetters;
    private final GenerationConfig config;
    private final ParallelWork work;

    public GenerationRequestConsumer(
            ResponseGenerator generator,
            MeterRegistry meters,
            @Channel("responses") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                    MutinyEmitter<Record<String, String>> responses,
            @Channel("dead-letters") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                    MutinyEmitter<String> deadLetters,
            GenerationConfig config) {
        this.generator = generator;
        this.meters = meters;
        this.responses = responses;
        this.deadLetters = new DeadLetters(deadLetters);
        this.config = config;
        this.work = new ParallelWork("generation", config.concurrency());
    }

    @Incoming("generation-requests")
    @Blocking
    public void generate(ConsumerRecords<String, String> records) {
        DecodedBatch<GenerationRequested> batch = DecodedBatch.decode(records, GenerationRequested.class);
        List<Uni<Void>> sends = new ArrayList<>();
        batch.rejected().forEach(rejected -> sends.add(deadLetter(rejected)));
        List<ParallelWork.Outcome<ResponseGenerated>> outcomes = work.map(batch.events(), this::answer);
        for (int i = 0; i < outcomes.size(); i++) {
            ParallelWork.Outcome<ResponseGenerated> outcome = outcomes.get(i);
            if (outcome.failed()) {
                sends.add(deadLetter(new DecodedBatch.Rejected(
                        batch.accepted().get(i).record(), "generation failed: " + outcome.reason())));
            } else {
                sends.add(responses.sendMessage(KafkaRecords.causedBy(
                        outcome.value(), batch.accepted().get(i).record())));
            }
        }
        Acks.awaitAll(sends, config.publishTimeout());
    }

    private ResponseGenerated answer(GenerationRequested request) {
        try (var ids = WorkItemLogContext.of(request.item())) {
            ResponseGenerated response = generator.generate(request);
            meters.counter("penguin.work.items", "stage", "generation", "outcome", "done")
                    .increment();
            return response;
        }
    }

    private Uni<Void> deadLetter(DecodedBatch.Rejected rejected) {
        meters.counter("penguin.work.items", "stage", "generation", "outcome", "dead-lettered")
                .increment();
        return deadLetters.send(rejected);
    }

    @PreDestroy
    void stop() {
        work.close();
    }
}
