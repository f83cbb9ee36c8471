package io.penguin.gateway.simulation.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.penguin.agent.session.Agent;
import io.penguin.agent.session.AgentMode;
import io.penguin.agent.session.Turn;
import io.penguin.agent.simulation.SimulatedDialogue;
import io.penguin.contracts.GenerationRequested;
import io.penguin.contracts.ResponseGenerated;
import io.penguin.models.ModelRegistry;
import io.penguin.models.TargetModel;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Answers an evaluation work item of the {@code agent} or {@code planner} condition: the live agent in a dialogue with
 * the simulated user, who answers from the scenario's hidden profile. Unlike a live session, a target model that is
 * down fails the item (it goes to the DLQ and can be re-driven) instead of scoring the offline fallback's answer as
 * the model's.
 */
@ApplicationScoped
public class SimulatedSessions {

    private final Agent agent;
    private final ModelRegistry models;
    private final MeterRegistry meters;

    public SimulatedSessions(Agent agent, ModelRegistry models, MeterRegistry meters) {
        this.agent = agent;
        this.models = models;
        this.meters = meters;
    }

    public ResponseGenerated answer(GenerationRequested request) {
        AgentMode mode = AgentMode.parse(request.item().condition());
        TargetModel target = models.target(request.item().model());
        Turn.Answer answer = SimulatedDialogue.run(
                agent,
                mode,
                target,
                request.scenario(),
                models.userSimulator(models.boundTo("user-simulator", ModelRegistry.REFERENCE_USER)));
        if (answer.fallback()) {
            throw new IllegalStateException("target model " + target.name()
                    + " failed to answer; the item is not scored with the offline fallback's answer");
        }
        meters.summary("penguin.agent.simulated.questions", "mode", mode.id())
                .record(answer.asked().size());
        return ResponseGenerated.ofAgentSession(
                request, answer.answered(), answer.asked(), answer.text(), answer.usage());
    }
}
