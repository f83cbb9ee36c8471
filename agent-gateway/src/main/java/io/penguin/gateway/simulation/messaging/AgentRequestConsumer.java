package io.penguin.gateway.simulation.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.penguin.contracts.GenerationRequested;
import io.penguin.contracts.ResponseGenerated;
import io.penguin.gateway.config.GatewayConfig;
import io.penguin.gateway.retrieval.PolicyIndexLoader;
import io.penguin.gateway.simulation.service.SimulatedSessions;
import io.penguin.service.logging.WorkItemLogContext;
import io.penguin.service.messaging.Acks;
import io.penguin.service.messaging.DeadLetters;
import io.penguin.service.messaging.DecodedBatch;
import io.penguin.service.messaging.KafkaRecords;
import io.penguin.service.messaging.ParallelWork;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Simulated sessions for evaluation runs, a polled batch at a time: work items of the {@code agent} and
 * {@code planner} conditions in, the agent's final answers (with the questions asked) out to {@code penguin.responses},
 * where the judge scores them like any other response. The batch waits until the retrieval index has caught up with
 * the policies topic, so planner sessions see every plan. Offsets are committed after every output is on the broker;
 * a redelivered item is a duplicate the judge drops. Poison records and failed sessions go to
 * {@code penguin.agent.requests.dlq} with the reason.
 */
@ApplicationScoped
public class AgentRequestConsumer {

    private final SimulatedSessions sessions;
    private final PolicyIndexLoader index;
    private final MeterRegistry meters;
    private final MutinyEmitter<Record<String, String>> responses;
    private final DeadLetters deadLetters;
    private final GatewayConfig.Simulation config;
    private final ParallelWork work;

    public AgentRequestConsumer(
            SimulatedSessions sessions,
            PolicyIndexLoader index,
            MeterRegistry meters,
            @Channel("responses") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                    MutinyEmitter<Record<String, String>> responses,
            @Channel("dead-letters") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                    MutinyEmitter<String> deadLetters,
            GatewayConfig config) {
        this.sessions = sessions;
        this.index = index;
        this.meters = meters;
        this.responses = responses;
        this.deadLetters = new DeadLetters(deadLetters);
        this.config = config.simulation();
        this.work = new ParallelWork("simulated-sessions", this.config.concurrency());
    }

    @Incoming("agent-requests")
    @Blocking
    public void simulate(ConsumerRecords<String, String> records) throws InterruptedException {
        if (!index.caughtUp() && !index.awaitCaughtUp(config.indexWait())) {
            Log.warnf("simulated sessions start before the policy index caught up (waited %s)", config.indexWait());
        }
        DecodedBatch<GenerationRequested> batch = DecodedBatch.decode(records, GenerationRequested.class);
        List<Uni<Void>> sends = new ArrayList<>();
        batch.rejected().forEach(rejected -> sends.add(deadLetter(rejected)));
        List<ParallelWork.Outcome<ResponseGenerated>> outcomes = work.map(batch.events(), this::answer);
        for (int i = 0; i < outcomes.size(); i++) {
            ParallelWork.Outcome<ResponseGenerated> outcome = outcomes.get(i);
            if (outcome.failed()) {
                sends.add(deadLetter(new DecodedBatch.Rejected(
                        batch.accepted().get(i).record(), "simulated session failed: " + outcome.reason())));
            } else {
                sends.add(responses.sendMessage(KafkaRecords.causedBy(
                        outcome.value(), batch.accepted().get(i).record())));
            }
        }
        Acks.awaitAll(sends, config.publishTimeout());
    }

    private ResponseGenerated answer(GenerationRequested request) {
        try (var ids = WorkItemLogContext.of(request.item())) {
            ResponseGenerated response = sessions.answer(request);
            meters.counter("penguin.work.items", "stage", "agent", "outcome", "done")
                    .increment();
            return response;
        }
    }

    private Uni<Void> deadLetter(DecodedBatch.Rejected rejected) {
        meters.counter("penguin.work.items", "stage", "agent", "outcome", "dead-lettered")
                .increment();
        return deadLetters.send(rejected);
    }

    @PreDestroy
    void stop() {
        work.close();
    }
}
