package io.penguin.planner.planning.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.penguin.contracts.Events;
import io.penguin.contracts.PlanningRequested;
import io.penguin.planner.planning.service.PlanningService;
import io.penguin.service.messaging.KafkaRecords;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.MDC;

/** Planning requests in, policies out; anything thrown sends the record to {@code penguin.planning.requests.dlq}. */
@ApplicationScoped
public class PlanningRequestConsumer {

    private final PlanningService planning;
    private final MeterRegistry meters;

    public PlanningRequestConsumer(PlanningService planning, MeterRegistry meters) {
        this.planning = planning;
        this.meters = meters;
    }

    @Incoming("planning-requests")
    @Outgoing("policies")
    @Blocking
    public Record<String, String> plan(String json) {
        try {
            PlanningRequested request = Events.decode(json, PlanningRequested.class);
            MDC.put("planningId", request.planningId());
            MDC.put("scenarioId", request.scenario().id());
            return KafkaRecords.of(planning.planOnce(request));
        } catch (RuntimeException e) {
            meters.counter("penguin.plans", "outcome", "dead-lettered").increment();
            Log.warnf("planning request rejected, sending it to the DLQ: %s", e.getMessage());
            throw e;
        } finally {
            MDC.remove("planningId");
            MDC.remove("scenarioId");
        }
    }
}
