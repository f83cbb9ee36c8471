package io.penguin.gateway.simulation.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.penguin.contracts.GenerationRequested;
import io.penguin.gateway.config.GatewayConfig;
import io.penguin.gateway.retrieval.PolicyIndexLoader;
import io.penguin.gateway.simulation.service.SimulatedSessions;
import io.penguin.models.ModelRegistry;
import io.penguin.service.logging.WorkItemLogContext;
import io.penguin.service.messaging.ConsumerConfig;
import io.penguin.service.messaging.InFlightLimits;
import io.penguin.service.messaging.InFlightWindow;
import io.penguin.service.messaging.WorkItemPipeline;
import io.quarkus.logging.Log;
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
 * Simulated sessions for evaluation runs, pipelined: work items of the {@code agent} and {@code planner} conditions
 * in, the agent's final answers (with the questions asked) out to {@code penguin.responses}, where the judge scores
 * them like any other response. A session makes several model calls one after another, so the concurrency comes from
 * many sessions at once: as many as the endpoints' limits allow ({@link InFlightLimits}). A session waits until the
 * retrieval index has caught up with the policies topic, so planner sessions see every plan. Each item is
 * acknowledged once its output is on the broker (offsets committed in order); a redelivered item is a duplicate the
 * judge drops. Poison records and failed sessions go to {@code penguin.agent.requests.dlq} with the reason.
 */
// Created at boot rather than on the first record: building the model clients (and loading their classes) then
// blocked the Kafka connector's event loop for 2 to 5 s in the capacity benchmark, while the first items waited.
@Startup
@ApplicationScoped
public class AgentRequestConsumer {

    private final SimulatedSessions sessions;
    private final PolicyIndexLoader index;
    private final GatewayConfig.Simulation config;
    private final WorkItemPipeline<GenerationRequested> pipeline;

    public AgentRequestConsumer(
            SimulatedSessions sessions,
            PolicyIndexLoader index,
            ModelRegistry models,
            MeterRegistry meters,
            @Channel("responses") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                    MutinyEmitter<Record<String, String>> responses,
            @Channel("dead-letters") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                    MutinyEmitter<String> deadLetters,
            GatewayConfig config,
            ConsumerConfig consumer) {
        this.sessions = sessions;
        this.index = index;
        this.config = config.simulation();
        this.pipeline = new WorkItemPipeline<>(
                "agent",
                GenerationRequested.class,
                new InFlightWindow(InFlightLimits.of(models, consumer)),
                this::session,
                responses,
                deadLetters,
                meters,
                this.config.publishTimeout());
    }

    @Incoming("agent-requests")
    public Uni<Void> simulate(Message<String> record) {
        return pipeline.submit(record);
    }

    private List<io.penguin.contracts.ResponseGenerated> session(GenerationRequested request) {
        awaitIndex();
        try (var ids = WorkItemLogContext.of(request.item())) {
            return List.of(sessions.answer(request));
        }
    }

    private void awaitIndex() {
        if (index.caughtUp()) {
            return;
        }
        try {
            if (!index.awaitCaughtUp(config.indexWait())) {
                Log.warnf("simulated sessions start before the policy index caught up (waited %s)", config.indexWait());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the policy index", e);
        }
    }

    @PreDestroy
    void stop() {
        pipeline.close();
    }
}
