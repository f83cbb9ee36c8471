package io.penguin.service.logging;

import io.penguin.contracts.WorkItemId;
import org.jboss.logging.MDC;

/**
 * Puts a work item's ids (never its content) into the logging context, so that every log line written while it is
 * handled carries them: JSON logs show them as fields.
 */
public final class WorkItemLogContext implements AutoCloseable {

    private static final String[] KEYS = {"runId", "scenarioId", "condition", "model"};

    private WorkItemLogContext() {}

    public static WorkItemLogContext of(WorkItemId item) {
        MDC.put("runId", item.runId());
        MDC.put("scenarioId", item.scenarioId());
        MDC.put("condition", item.condition());
        MDC.put("model", item.model());
        return new WorkItemLogContext();
    }

    @Override
    public void close() {
        for (String key : KEYS) {
            MDC.remove(key);
        }
    }
}
