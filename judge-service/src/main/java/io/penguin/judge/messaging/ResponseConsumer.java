package io.penguin.judge.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.penguin.contracts.Events;
import io.penguin.contracts.ResponseGenerated;
import io.penguin.judge.service.JudgementService;
import io.penguin.service.logging.WorkItemLogContext;
import io.penguin.service.messaging.KafkaRecords;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/** Responses in, judgements out; anything thrown sends the record to {@code penguin.responses.dlq}. */
@ApplicationScoped
public class ResponseConsumer {

    private final JudgementService judgements;
    private final MeterRegistry meters;

    public ResponseConsumer(JudgementService judgements, MeterRegistry meters) {
        this.judgements = judgements;
        this.meters = meters;
    }

    @Incoming("responses")
    @Outgoing("judgements")
    @Blocking
    public Record<String, String> judge(String json) {
        try {
            ResponseGenerated response = Events.decode(json, ResponseGenerated.class);
            try (var ids = WorkItemLogContext.of(response.item())) {
                return KafkaRecords.of(judgements.judgeOnce(response));
            }
        } catch (RuntimeException e) {
            meters.counter("penguin.work.items", "stage", "judging", "outcome", "dead-lettered")
                    .increment();
            Log.warnf("response rejected, sending it to the DLQ: %s", e.getMessage());
            throw e;
        }
    }
}
