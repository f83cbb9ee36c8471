package io.penguin.gateway.simulation.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.penguin.agent.dialogue.Agent;
import io.penguin.agent.dialogue.AgentMode;
import io.penguin.agent.dialogue.Turn;
import io.penguin.agent.simulation.SimulatedDialogue;
import io.penguin.contracts.GenerationRequested;
import io.penguin.contracts.ResponseGenerated;
import io.penguin.contracts.RoleCalls;
import io.penguin.models.ModelRegistry;
import io.penguin.models.ModelRole;
import io.penguin.models.PlannedPath;
import io.penguin.models.TargetModel;
import io.penguin.models.UserSimulator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Answers an evaluation work item of the {@code agent} or {@code planner} condition: the live agent in a dialogue with
 * the simulated user, who answers from the scenario's hidden profile. Unlike a live session, a target model that is
 * down fails the item (it goes to the DLQ and can be re-driven) instead of scoring the offline fallback's answer as
 * the model's.
 *
 * <p>The response carries its provenance: the target's prompt version, what the agent model and the simulated user
 * did (decisions, the ones a rule-based stand-in took because the model failed, usage), and for the planner
 * condition which models the planner behind the retrieved paths measured its rewards with. A fallback is never
 * silent: the report counts the items it touched.
 */
@ApplicationScoped
public class SimulatedSessions {

    /** The role names of the provenance entries (RoleCalls). */
    static final String AGENT = ModelRole.AGENT.config();

    static final String USER_SIMULATOR = ModelRole.USER_SIMULATOR.config();
    static final String PLANNER_TARGET = "planner-target";
    static final String PLANNER_JUDGE = "planner-judge";

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
        UserSimulator user =
                models.userSimulator(models.boundTo(ModelRole.USER_SIMULATOR, ModelRegistry.REFERENCE_USER));
        SimulatedDialogue.Outcome outcome = SimulatedDialogue.run(agent, mode, target, request.scenario(), user);
        Turn.Answer answer = outcome.answer();
        if (answer.fallback()) {
            throw new IllegalStateException("target model " + target.name()
                    + " failed to answer; the item is not scored with the offline fallback's answer");
        }
        meters.summary("penguin.agent.simulated.questions", "mode", mode.id())
                .record(answer.asked().size());
        return ResponseGenerated.ofAgentSession(
                        request, answer.answered(), answer.asked(), answer.text(), answer.usage())
                .withProvenance(answer.promptVersion(), roleCalls(outcome))
                .withDialogue(outcome.turns());
    }

    private List<RoleCalls> roleCalls(SimulatedDialogue.Outcome outcome) {
        List<RoleCalls> roles = new ArrayList<>();
        roles.add(outcome.answer().agentCalls().as(AGENT));
        roles.add(outcome.userCalls().as(USER_SIMULATOR));
        roles.addAll(planner(outcome.examples(), PLANNER_TARGET, PlannedPath::targetModel, this::referenceTarget));
        roles.addAll(planner(outcome.examples(), PLANNER_JUDGE, PlannedPath::judgeModel, this::referenceJudge));
        return roles;
    }

    /**
     * Provenance-only entries (no calls made here) for the models the planner used, one per distinct model among the
     * retrieved paths; a plan that names no model adds none.
     */
    private static List<RoleCalls> planner(
            List<PlannedPath> examples, String role, Function<PlannedPath, String> model, Predicate<String> reference) {
        Set<String> named = new LinkedHashSet<>();
        examples.stream()
                .map(model)
                .filter(Objects::nonNull)
                .filter(name -> !name.isBlank())
                .forEach(named::add);
        return named.stream()
                .map(name -> new RoleCalls(role, name, reference.test(name), 0, 0, null))
                .toList();
    }

    private boolean referenceTarget(String name) {
        return models.hasTarget(name) && models.target(name).reference();
    }

    private boolean referenceJudge(String name) {
        return models.hasJudge(name) && models.judge(name).reference();
    }
}
