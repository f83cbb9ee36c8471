package io.penguin.scenario.runs.messaging;

import io.penguin.contracts.GenerationRequested;
import io.penguin.core.Condition;
import io.penguin.service.messaging.Acks;
import io.penguin.service.messaging.KafkaRecords;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes work items and waits until the broker has them all: the agent conditions ({@code agent}, {@code planner})
 * to {@code penguin.agent.requests} (agent-gateway runs a simulated session per item), every other condition to
 * {@code penguin.generation.requests} (generation-service). Starts, resumes, re-drives and start-up recovery all
 * publish through here, so an item always goes to the same topic.
 */
@ApplicationScoped
public class WorkItemPublisher {

    private final MutinyEmitter<Record<String, String>> generationRequests;
    private final MutinyEmitter<Record<String, String>> agentRequests;

    public WorkItemPublisher(
            @Channel("generation-requests") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                    MutinyEmitter<Record<String, String>> generationRequests,
            @Channel("agent-requests") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                    MutinyEmitter<Record<String, String>> agentRequests) {
        this.generationRequests = generationRequests;
        this.agentRequests = agentRequests;
    }

    public void publishAll(List<GenerationRequested> workItems, Duration timeout) {
        if (workItems.isEmpty()) {
            return;
        }
        List<Uni<Void>> acks = workItems.stream()
                .map(item -> emitterFor(item).send(KafkaRecords.of(item)))
                .toList();
        Acks.awaitAll(acks, timeout);
    }

    private MutinyEmitter<Record<String, String>> emitterFor(GenerationRequested item) {
        return agentic(item) ? agentRequests : generationRequests;
    }

    /** True for the work items of the agent conditions, which agent-gateway answers. */
    static boolean agentic(GenerationRequested item) {
        return Condition.parse(item.item().condition()).agentic();
    }
}
