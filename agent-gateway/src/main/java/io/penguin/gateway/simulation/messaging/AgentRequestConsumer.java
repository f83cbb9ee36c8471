package io.penguin.gateway.simulation.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.penguin.gateway.config.GatewayConfig;
import io.penguin.gateway.retrieval.PolicyIndexLoader;
import io.penguin.gateway.simulation.service.SimulatedSessions;
import io.penguin.service.messaging.WorkItemStage;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Simulated sessions for evaluation runs, a polled batch at a time: work items of the {@code agent} and
 * {@code planner} conditions in, the agent's final answers (with the questions asked) out to {@code penguin.responses},
 * where the judge scores them like any other response. A batch waits until the retrieval index has caught up with
 * the policies topic, so planner sessions see every plan. Offsets are committed after every output is on the broker;
 * a redelivered item is a duplicate the judge drops. Poison records and failed sessions go to
 * {@code penguin.agent.requests.dlq} with the reason.
 */
@ApplicationScoped
public class AgentRequestConsumer {

    private final SimulatedSessions sessions;
    private final PolicyIndexLoader index;
    private final GatewayConfig.Simulation config;
    private final WorkItemStage stage;

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
        this.config = config.simulation();
        this.stage = new WorkItemStage(
                "agent", this.config.concurrency(), responses, deadLetters, meters, this.config.publishTimeout());
    }

    @Incoming("agent-requests")
    @Blocking
    public void simulate(ConsumerRecords<String, String> records) throws InterruptedException {
        if (!index.caughtUp() && !index.awaitCaughtUp(config.indexWait())) {
            Log.warnf("simulated sessions start before the policy index caught up (waited %s)", config.indexWait());
        }
        stage.process(records, sessions::answer);
    }

    @PreDestroy
    void stop() {
        stage.close();
    }
}
