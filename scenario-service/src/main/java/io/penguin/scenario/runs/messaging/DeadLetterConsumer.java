package io.penguin.scenario.runs.messaging;

import io.penguin.contracts.Events;
import io.penguin.contracts.GenerationRequested;
import io.penguin.contracts.ResponseGenerated;
import io.penguin.contracts.Topics;
import io.penguin.contracts.WorkItemId;
import io.penguin.scenario.runs.service.RunService;
import io.penguin.service.messaging.DeadLetters;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Turns dead letters of the generation, agent-session and judging stages into FAILED work items with their reason and
 * stage ({@code generation}, {@code agent}, {@code judging}), so that a run completes (with failures) instead of
 * waiting forever, and the failures can be listed and re-driven. A dead letter that is not a work item (a poison
 * record) names no item and is only counted by its stage's metrics.
 */
@ApplicationScoped
public class DeadLetterConsumer {

    static final String GENERATION = "generation";
    static final String AGENT = "agent";
    static final String JUDGING = "judging";

    private final RunService runs;

    public DeadLetterConsumer(RunService runs) {
        this.runs = runs;
    }

    @Incoming("work-dead-letters")
    @Blocking
    public void onDeadLetter(ConsumerRecord<String, String> record) {
        String stage = stage(record.topic());
        WorkItemId item = workItem(record, stage);
        if (item == null) {
            return;
        }
        String reason = header(record, DeadLetters.REASON);
        if (runs.recordFailure(item, stage, reason.isEmpty() ? "dead-lettered without a reason" : reason)) {
            Log.infof("work item %s failed at %s", item, stage);
        }
    }

    /** The stage whose dead-letter topic this is. */
    static String stage(String topic) {
        if (topic.equals(Topics.dlq(Topics.RESPONSES))) {
            return JUDGING;
        }
        if (topic.equals(Topics.dlq(Topics.AGENT_REQUESTS))) {
            return AGENT;
        }
        return GENERATION;
    }

    private static WorkItemId workItem(ConsumerRecord<String, String> record, String stage) {
        try {
            return JUDGING.equals(stage)
                    ? Events.decode(record.value(), ResponseGenerated.class).item()
                    : Events.decode(record.value(), GenerationRequested.class).item();
        } catch (RuntimeException e) {
            Log.debugf(
                    "dead letter at %s-%d@%d is not a work item", record.topic(), record.partition(), record.offset());
            return null;
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
