package io.penguin.generation.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.penguin.contracts.Events;
import io.penguin.contracts.GenerationRequested;
import io.penguin.contracts.ResponseGenerated;
import io.penguin.generation.service.ResponseGenerator;
import io.penguin.service.logging.WorkItemLogContext;
import io.penguin.service.messaging.KafkaRecords;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/**
 * Work items in, responses out. The incoming record is acknowledged once the response is written, so a crash
 * redelivers it; the judge drops the duplicate. Anything thrown here sends the record to the DLQ with the reason.
 */
@ApplicationScoped
public class GenerationRequestConsumer {

    private final ResponseGenerator generator;
    private final MeterRegistry meters;

    public GenerationRequestConsumer(ResponseGenerator generator, MeterRegistry meters) {
        this.generator = generator;
        this.meters = meters;
    }

    @Incoming("generation-requests")
    @Outgoing("responses")
    @Blocking
    public Record<String, String> generate(String json) {
        try {
            GenerationRequested request = Events.decode(json, GenerationRequested.class);
            try (var ids = WorkItemLogContext.of(request.item())) {
                ResponseGenerated response = generator.generate(request);
                meters.counter("penguin.work.items", "stage", "generation", "outcome", "done")
                        .increment();
                Log.debugf("generated response for %s", request.item());
                return KafkaRecords.of(response);
            }
        } catch (RuntimeException e) {
            meters.counter("penguin.work.items", "stage", "generation", "outcome", "dead-lettered")
                    .increment();
            Log.warnf("work item rejected, sending it to the DLQ: %s", e.getMessage());
            throw e;
        }
    }
}
