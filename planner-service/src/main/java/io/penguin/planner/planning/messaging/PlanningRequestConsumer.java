package io.penguin.planner.planning.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.penguin.contracts.Events;
import io.penguin.contracts.MalformedEventException;
import io.penguin.contracts.PlanningRequested;
import io.penguin.models.UnknownModelException;
import io.penguin.planner.planning.persistence.PlanningFailureRepository;
import io.penguin.planner.planning.service.PlanningService;
import io.penguin.service.messaging.DeadLetters;
import io.penguin.service.messaging.KafkaRecords;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.MDC;

/**
 * Planning requests in, policies out. A request that cannot be planned is recorded as its job's failure (with the
 * reason, so progress counts it and {@code GET /plannings/{id}/failures} lists it) and sent to
 * {@code penguin.planning.requests.dlq} here, in one log line, instead of being thrown: a thrown exception would be
 * logged by the messaging layer with a stack trace and again by the dead-letter strategy, for every record.
 */
@ApplicationScoped
public class PlanningRequestConsumer {

    /** How long the broker may take to acknowledge a dead letter before the record is failed the ordinary way. */
    private static final Duration DEAD_LETTER_TIMEOUT = Duration.ofSeconds(30);

    /** The longest reason stored and sent: a reason names a field or a model, it never needs more. */
    private static final int MAX_REASON = 500;

    private final PlanningService planning;
    private final PlanningFailureRepository failures;
    private final DeadLetters deadLetters;
    private final MeterRegistry meters;

    public PlanningRequestConsumer(
            PlanningService planning,
            PlanningFailureRepository failures,
            @Channel("planning-dead-letters") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                    MutinyEmitter<String> deadLetters,
            MeterRegistry meters) {
        this.planning = planning;
        this.failures = failures;
        this.deadLetters = new DeadLetters(deadLetters);
        this.meters = meters;
    }

    /** The policy to publish, or null (the record is skipped) when the request was dead-lettered. */
    @Incoming("planning-requests")
    @Outgoing("policies")
    @Blocking
    public Record<String, String> plan(ConsumerRecord<String, String> record) {
        PlanningRequested request = null;
        try {
            request = Events.decode(record.value(), PlanningRequested.class);
            MDC.put("planningId", request.planningId());
            MDC.put("scenarioId", request.scenario().id());
            return KafkaRecords.of(planning.planOnce(request));
        } catch (RuntimeException e) {
            deadLetter(record, request, e);
            return null;
        } finally {
            MDC.remove("planningId");
            MDC.remove("scenarioId");
        }
    }

    private void deadLetter(ConsumerRecord<String, String> record, PlanningRequested request, RuntimeException e) {
        String reason = reason(e);
        if (!expected(e)) {
            // Not a bad request but a fault of ours or a dependency's: the stack trace is worth its lines, at debug.
            Log.debugf(e, "planning request %s-%d@%d failed", record.topic(), record.partition(), record.offset());
        }
        if (request != null) {
            PlanningRequested failed = request;
            QuarkusTransaction.requiringNew()
                    .run(() -> failures.record(
                            failed.planningId(), failed.scenario().id(), failed.total(), reason));
        }
        meters.counter("penguin.plans", "outcome", "dead-lettered").increment();
        deadLetters.send(record, reason).await().atMost(DEAD_LETTER_TIMEOUT);
    }

    /** Failures a request can cause by itself: malformed, or naming a model or setting this planner does not have. */
    private static boolean expected(RuntimeException e) {
        return e instanceof MalformedEventException
                || e instanceof UnknownModelException
                || e instanceof IllegalArgumentException;
    }

    private static String reason(RuntimeException e) {
        String message = e.getMessage() == null || e.getMessage().isBlank()
                ? e.getClass().getSimpleName()
                : e.getMessage();
        return message.length() <= MAX_REASON ? message : message.substring(0, MAX_REASON) + "...";
    }
}
