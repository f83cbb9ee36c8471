package io.penguin.judge.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.penguin.contracts.ResponseGenerated;
import io.penguin.judge.config.JudgeConfig;
import io.penguin.judge.service.JudgedResponse;
import io.penguin.judge.service.JudgementService;
import io.penguin.models.ModelRegistry;
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
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Responses in, judgements out, pipelined: as many responses in flight as the judge endpoints' limits allow
 * ({@link InFlightLimits}), each acknowledged once its judgements (or its dead letter) are on the broker, so offsets
 * are committed in order. A record that cannot be decoded, or whose judge failed after the endpoint's retry budget,
 * goes to {@code penguin.responses.dlq} with the reason; the others go on.
 */
// Created at boot rather than on the first record: building the model clients (and loading their classes) then
// blocked the Kafka connector's event loop for 2 to 5 s in the capacity benchmark, while the first items waited.
@Startup
@ApplicationScoped
public class ResponseConsumer {

    private final WorkItemPipeline<ResponseGenerated> pipeline;

    public ResponseConsumer(
            JudgementService judgements,
            ModelRegistry models,
            MeterRegistry meters,
            @Channel("judgements") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                    MutinyEmitter<Record<String, String>> out,
            @Channel("dead-letters") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                    MutinyEmitter<String> deadLetters,
            JudgeConfig config,
            ConsumerConfig consumer) {
        this.pipeline = new WorkItemPipeline<>(
                "judging",
                ResponseGenerated.class,
                new InFlightWindow(InFlightLimits.of(models, consumer)),
                response -> {
                    JudgedResponse judged = judgements.judge(response);
                    if (judged.failed()) {
                        throw new WorkItemPipeline.Rejected(judged.failure());
                    }
                    return judged.judgements();
                },
                out,
                deadLetters,
                meters,
                config.publishTimeout());
    }

    @Incoming("responses")
    public Uni<Void> judge(Message<String> record) {
        return pipeline.submit(record);
    }

    @PreDestroy
    void stop() {
        pipeline.close();
    }
}
