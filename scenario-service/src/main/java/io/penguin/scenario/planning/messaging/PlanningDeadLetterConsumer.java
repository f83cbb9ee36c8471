package io.penguin.scenario.planning.messaging;

import io.penguin.contracts.Events;
import io.penguin.contracts.PlanningRequested;
import io.penguin.scenario.planning.service.PlanningJobs;
import io.penguin.service.messaging.DeadLetters;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Marks the requests planner-service dead-lettered ({@code penguin.planning.requests.dlq}) FAILED in their job, with
 * the reason, so {@code POST /plannings/{id}/redrive} knows what to publish again. A dead letter that is not a
 * planning request of a known job (a poison record) changes nothing.
 */
@ApplicationScoped
public class PlanningDeadLetterConsumer {

    private final PlanningJobs jobs;

    public PlanningDeadLetterConsumer(PlanningJobs jobs) {
        this.jobs = jobs;
    }

    @Incoming("planning-dead-letters")
    @Blocking
    public void onDeadLetter(ConsumerRecord<String, String> record) {
        PlanningRequested request;
        try {
            request = Events.decode(record.value(), PlanningRequested.class);
        } catch (RuntimeException e) {
            Log.debugf(
                    "dead letter %s-%d@%d is not a planning request",
                    record.topic(), record.partition(), record.offset());
            return;
        }
        Header header = record.headers().lastHeader(DeadLetters.REASON);
        String reason =
                header == null ? "dead-lettered without a reason" : new String(header.value(), StandardCharsets.UTF_8);
        if (jobs.recordFailure(request.planningId(), request.scenario().id(), reason)) {
            Log.infof(
                    "planning %s: the request of %s failed",
                    request.planningId(), request.scenario().id());
        }
    }
}
