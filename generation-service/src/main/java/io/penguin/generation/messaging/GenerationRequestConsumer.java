package io.penguin.generation.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.penguin.generation.config.GenerationConfig;
import io.penguin.generation.service.ResponseGenerator;
import io.penguin.service.messaging.WorkItemStage;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
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
    private final WorkItemStage stage;

    public GenerationRequestConsumer(
            ResponseGenerator generator,
            MeterRegistry meters,
            @Channel("responses") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                    MutinyEmitter<Record<String, String>> responses,
            @Channel("dead-letters") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                    MutinyEmitter<String> deadLetters,
            GenerationConfig config) {
        this.generator = generator;
        this.stage = new WorkItemStage(
                "generation", config.concurrency(), responses, deadLetters, meters, config.publishTimeout());
    }

    @Incoming("generation-requests")
    @Blocking
    public void generate(ConsumerRecords<String, String> records) {
        stage.process(records, generator::generate);
    }

    @PreDestroy
    void stop() {
        stage.close();
    }
}
