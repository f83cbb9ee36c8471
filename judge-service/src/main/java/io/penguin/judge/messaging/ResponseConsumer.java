package io.penguin.judge.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.penguin.contracts.ResponseGenerated;
import io.penguin.judge.config.JudgeConfig;
import io.penguin.judge.service.JudgedResponse;
import io.penguin.judge.service.JudgementService;
import io.penguin.service.messaging.Acks;
import io.penguin.service.messaging.DeadLetters;
import io.penguin.service.messaging.DecodedBatch;
import io.penguin.service.messaging.KafkaRecords;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Responses in, judgements out, a polled batch at a time. Offsets are committed only after every judgement (and every
 * dead letter) of the batch is on the broker. A record that cannot be decoded, or whose judge failed after the
 * endpoint's retry budget, goes to {@code penguin.responses.dlq} with the reason; the rest of the batch goes on.
 */
@ApplicationScoped
public class ResponseConsumer {

    private final JudgementService judgements;
    private final MeterRegistry meters;
    private final MutinyEmitter<Record<String, String>> out;
    private final DeadLetters deadLetters;
    private final JudgeConfig config;

    public ResponseConsumer(
            JudgementService judgements,
            MeterRegistry meters,
            @Channel("judgements") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                    MutinyEmitter<Record<String, String>> out,
            @Channel("dead-letters") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                    MutinyEmitter<String> deadLetters,
            JudgeConfig config) {
        this.judgements = judgements;
        this.meters = meters;
        this.out = out;
        this.deadLetters = new DeadLetters(deadLetters);
        this.config = config;
    }

    @Incoming("responses")
    @Blocking
    public void judge(ConsumerRecords<String, String> records) {
        DecodedBatch<ResponseGenerated> batch = DecodedBatch.decode(records, ResponseGenerated.class);
        List<Uni<Void>> sends = new ArrayList<>();
        batch.rejected().forEach(rejected -> sends.add(deadLetter(rejected)));
        List<JudgedResponse> judged = judgements.judgeAll(batch.events());
        for (int i = 0; i < judged.size(); i++) {
            JudgedResponse result = judged.get(i);
            if (result.failed()) {
                sends.add(deadLetter(
                        new DecodedBatch.Rejected(batch.accepted().get(i).record(), result.failure())));
            } else {
                var cause = batch.accepted().get(i).record();
                result.judgements()
                        .forEach(judgement -> sends.add(out.sendMessage(KafkaRecords.causedBy(judgement, cause))));
            }
        }
        Acks.awaitAll(sends, config.publishTimeout());
    }

    private Uni<Void> deadLetter(DecodedBatch.Rejected rejected) {
        meters.counter("penguin.work.items", "stage", "judging", "outcome", "dead-lettered")
                .increment();
        return deadLetters.send(rejected);
    }
}
