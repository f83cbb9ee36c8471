package io.penguin.generation.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.penguin.contracts.GenerationRequested;
import io.penguin.generation.config.GenerationConfig;
import io.penguin.generation.service.ResponseGenerator;
import io.penguin.models.ModelRegistry;
import io.penguin.service.logging.WorkItemLogContext;
import io.penguin.service.messaging.ConsumerConfig;
import io.penguin.service.messaging.InFlightLimits;
import io.penguin.service.messaging.InFlightWindow;
import io.penguin.service.messaging.WorkItemPipeline;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Work items in, responses out, pipelined: as many items in flight as the model endpoints' limits allow
 * ({@link InFlightLimits}), each acknowledged once its response (or its dead letter) is on the broker, so offsets are
 * committed in order and a crash redelivers what was unfinished; the judge drops the duplicates. A record that cannot
 * be decoded, or whose model call failed after the endpoint's retry budget, goes to
 * {@code penguin.generation.requests.dlq} with the reason, and the others go on.
 */
// Created at boot rather than on the first record: building the model clients (and loading their classes) then
// blocked the Kafka connector's event loop for 2 to 5 s in the capacity benchmark, while the first items waited.
@Startup
@ApplicationScoped
public class GenerationRequestConsumer {

    private final WorkItemPipeline<GenerationRequested> pipeline;

    public GenerationRequestConsumer(
            ResponseGenerator generator,
            ModelRegistry models,
            MeterRegistry meters,
            @Channel("responses") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                    MutinyEmitter<Record<String, String>> responses,
            @Channel("dead-letters") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                    MutinyEmitter<String> deadLetters,
            GenerationConfig config,
            ConsumerConfig consumer) {
        this.pipeline = new WorkItemPipeline<>(
                "generation",
                GenerationRequested.class,
                new InFlightWindow(InFlightLimits.of(models, consumer)),
                request -> {
                    try (var ids = WorkItemLogContext.of(request.item())) {
                        return List.of(generator.generate(request));
                    }
                },
                responses,
                deadLetters,
                meters,
                config.publishTimeout());
    }

    @Incoming("generation-requests")
    public Uni<Void> generate(Message<String> record) {
        return pipeline.submit(record);
    }

    @PreDestroy
    void stop() {
        pipeline.close();
    }
}
