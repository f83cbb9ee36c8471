package io.penguin.scenario.runs.messaging;

import io.penguin.contracts.JudgementRecorded;
import io.penguin.scenario.runs.config.RunConfig;
import io.penguin.scenario.runs.service.RunService;
import io.penguin.service.messaging.Acks;
import io.penguin.service.messaging.DeadLetters;
import io.penguin.service.messaging.DecodedBatch;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Run progress from {@code penguin.judgements}, a polled batch per transaction. A record that cannot be decoded goes to
 * {@code penguin.judgements.dlq} with the reason; the rest of the batch is recorded.
 */
@ApplicationScoped
public class JudgementConsumer {

    private final RunService runs;
    private final DeadLetters deadLetters;
    private final RunConfig config;

    public JudgementConsumer(
            RunService runs,
            @Channel("dead-letters") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                    MutinyEmitter<String> deadLetters,
            RunConfig config) {
        this.runs = runs;
        this.deadLetters = new DeadLetters(deadLetters);
        this.config = config;
    }

    @Incoming("judgements")
    @Blocking
    public void onJudgements(ConsumerRecords<String, String> records) {
        DecodedBatch<JudgementRecorded> batch = DecodedBatch.decode(records, JudgementRecorded.class);
        List<Uni<Void>> sends = batch.rejected().stream().map(deadLetters::send).toList();
        runs.recordJudgements(batch.events());
        Acks.awaitAll(sends, config.publishTimeout());
    }
}
