package io.penguin.generation.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.penguin.contracts.GenerationRequested;
import io.penguin.contracts.ResponseGenerated;
import io.penguin.core.Attribute;
import io.penguin.core.Condition;
import io.penguin.models.AnswerRequest;
import io.penguin.models.ModelRegistry;
import io.penguin.models.ModelReply;
import io.penguin.models.TargetModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Answers a work item: shows the target model the query and only the attributes the condition allows. The agent
 * conditions are not answered here: a misrouted {@code agent} or {@code planner} item fails (and is dead-lettered)
 * rather than being answered as if it were context-free.
 */
@ApplicationScoped
public class ResponseGenerator {

    private final ModelRegistry models;
    private final MeterRegistry meters;

    public ResponseGenerator(ModelRegistry models, MeterRegistry meters) {
        this.models = models;
        this.meters = meters;
    }

    public ResponseGenerated generate(GenerationRequested request) {
        Condition condition = Condition.parse(request.item().condition());
        if (condition.agentic()) {
            throw new IllegalArgumentException("condition '" + condition.id()
                    + "' is answered by the agent gateway's sessions on penguin.agent.requests, not by a target-model"
                    + " call");
        }
        TargetModel model = models.target(request.item().model());
        Map<Attribute, String> visible = request.scenario().profile().restrictTo(condition.visible());
        ModelReply reply = model.answer(new AnswerRequest(request.scenario().query(), visible));
        // Latency per work item, cache hits included; tokens and cost are counted once, per endpoint call, by the model
        // layer's accounting (penguin.model.tokens).
        meters.timer("penguin.model.calls", "role", "target", "model", model.name())
                .record(Duration.ofMillis(reply.usage().latencyMillis()));
        // A plain target call involves no other role; the prompt version keeps results of other templates apart.
        return ResponseGenerated.of(request, condition.visibleInOrder(), reply.text(), reply.usage())
                .withProvenance(reply.promptVersion(), List.of());
    }
}
