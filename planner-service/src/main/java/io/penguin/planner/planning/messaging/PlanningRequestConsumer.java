package io.penguin.planner.planning.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.penguin.contracts.MalformedEventException;
import io.penguin.contracts.PlanningRequested;
import io.penguin.contracts.PolicyPublished;
import io.penguin.models.ModelRegistry;
import io.penguin.models.UnknownModelException;
import io.penguin.planner.planning.persistence.PlanningFailureRepository;
import io.penguin.planner.planning.service.PlanningService;
import io.penguin.service.messaging.ConsumerConfig;
import io.penguin.service.messaging.InFlightWindow;
import io.penguin.service.messaging.WorkItemPipeline;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.MDC;

/**
 * Planning requests in, policies out, on the consumer stage the model-calling services share
 * ({@link WorkItemPipeline}): several plans searched at once ({@link PlanningWindow}: as many as the endpoints' limits
 * allow with an LLM reward, one per core with the reference reward), each acknowledged once its policy is on the
 * broker, offsets committed in order. A request that cannot be planned is recorded as its job's failure (with the
 * reason, so progress counts it and {@code GET /plannings/{id}/failures} lists it) and sent to
 * {@code penguin.planning.requests.dlq} with the reason, in one log line.
 */
// Created at boot rather than on the first record: building the model clients (and loading their classes) then
// blocked the Kafka connector's event loop for 2 to 5 s in the capacity benchmark, while the first items waited.
@Startup
@ApplicationScoped
public class PlanningRequestConsumer {

    /** How long the broker may take to acknowledge a policy or a dead letter before the record is nacked. */
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

    /** The longest reason stored and sent: a reason names a field or a model, it never needs more. */
    private static final int MAX_REASON = 500;

    private final PlanningService planning;
    private final PlanningFailureRepository failures;
    private final MeterRegistry meters;
    private final WorkItemPipeline<PlanningRequested> pipeline;

    public PlanningRequestConsumer(
            PlanningService planning,
            PlanningFailureRepository failures,
            ModelRegistry models,
            ConsumerConfig consumer,
            @Channel("policies") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                    MutinyEmitter<Record<String, String>> policies,
            @Channel("planning-dead-letters") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                    MutinyEmitter<String> deadLetters,
            MeterRegistry meters) {
        this.planning = planning;
        this.failures = failures;
        this.meters = meters;
        this.pipeline = new WorkItemPipeline<>(
                "planning",
                PlanningRequested.class,
                new InFlightWindow(new PlanningWindow(
                        models, consumer, Runtime.getRuntime().availableProcessors())),
                this::plan,
                policies,
                deadLetters,
                meters,
                PUBLISH_TIMEOUT);
    }

    @Incoming("planning-requests")
    public Uni<Void> receive(Message<String> record) {
        return pipeline.submit(record);
    }

    /** The policy to publish; a request that cannot be planned is recorded as failed and dead-lettered. */
    private List<PolicyPublished> plan(PlanningRequested request) {
        MDC.put("planningId", request.planningId());
        MDC.put("scenarioId", request.scenario().id());
        try {
            return List.of(planning.planOnce(request));
        } catch (RuntimeException e) {
            String reason = reason(e);
            if (!expected(e)) {
                // Not a bad request but a fault of ours or a dependency's: the stack trace is worth its lines, at
                // debug.
                Log.debugf(
                        e,
                        "planning request %s/%s failed",
                        request.planningId(),
                        request.scenario().id());
            }
            QuarkusTransaction.requiringNew()
                    .run(() -> failures.record(
                            request.planningId(), request.scenario().id(), request.total(), reason));
            meters.counter("penguin.plans", "outcome", "dead-lettered").increment();
            throw new WorkItemPipeline.Rejected(reason);
        } finally {
            MDC.remove("planningId");
            MDC.remove("scenarioId");
        }
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

    @PreDestroy
    void stop() {
        pipeline.close();
    }
}
