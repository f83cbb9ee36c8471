package io.penguin.scenario.runs.messaging;

import io.penguin.contracts.Events;
import io.penguin.contracts.JudgementRecorded;
import io.penguin.scenario.runs.service.RunService;
import io.penguin.service.logging.WorkItemLogContext;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Run progress from {@code penguin.judgements}; anything thrown sends the record to its DLQ. */
@ApplicationScoped
public class JudgementConsumer {

    private final RunService runs;

    public JudgementConsumer(RunService runs) {
        this.runs = runs;
    }

    @Incoming("judgements")
    @Blocking
    public void onJudgement(String json) {
        try {
            JudgementRecorded judgement = Events.decode(json, JudgementRecorded.class);
            try (var ids = WorkItemLogContext.of(judgement.item())) {
                runs.recordJudgement(judgement);
            }
        } catch (RuntimeException e) {
            Log.warnf("judgement rejected, sending it to the DLQ: %s", e.getMessage());
            throw e;
        }
    }
}
