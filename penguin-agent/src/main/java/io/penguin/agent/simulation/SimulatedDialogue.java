package io.penguin.agent.simulation;

import io.penguin.agent.dialogue.Agent;
import io.penguin.agent.dialogue.AgentDialogue;
import io.penguin.agent.dialogue.AgentMode;
import io.penguin.agent.dialogue.DialogueCalls;
import io.penguin.agent.dialogue.Turn;
import io.penguin.contracts.DialogueTurn;
import io.penguin.core.Scenario;
import io.penguin.models.PlannedPath;
import io.penguin.models.TargetModel;
import io.penguin.models.UserAnswer;
import io.penguin.models.UserSimulator;
import java.util.ArrayList;
import java.util.List;

/**
 * A dialogue between the agent and a simulated user who answers from the scenario's hidden profile (and may
 * decline): how the benchmark evaluates the agent. Retrieval never sees the scenario's own plan.
 */
public final class SimulatedDialogue {

    /**
     * How a simulated dialogue ended and what it took.
     *
     * @param answer the agent's final answer, with what the agent model did ({@link Turn.Answer#agentCalls()})
     * @param userCalls what the simulated user did: one answer per question (declines included), how many the
     *     reference user gave instead because the configured simulator failed, and the usage of its model calls
     * @param examples the planned paths the agent was shown (empty in {@code agent} mode)
     * @param turns each question and the simulated user's answer or decline, in order, for the transcript
     */
    public record Outcome(
            Turn.Answer answer, DialogueCalls userCalls, List<PlannedPath> examples, List<DialogueTurn> turns) {

        public Outcome {
            examples = List.copyOf(examples);
            turns = List.copyOf(turns);
        }
    }

    private SimulatedDialogue() {}

    public static Outcome run(Agent agent, AgentMode mode, TargetModel target, Scenario scenario, UserSimulator user) {
        AgentDialogue session =
                agent.open(mode, target, agent.settings().scope().excluding(scenario.id()));
        DialogueCalls.Counter userCalls = new DialogueCalls.Counter(user.name(), user.reference());
        List<DialogueTurn> turns = new ArrayList<>();
        Turn turn = session.start(scenario.query());
        while (turn instanceof Turn.Question question) {
            UserAnswer reply = user.answer(scenario.profile(), question.attribute());
            userCalls.count(reply.fallback(), reply.usage());
            String said = reply.declined() ? null : reply.value().orElseThrow();
            turns.add(new DialogueTurn(
                    question.questionId(), question.attribute(), question.text(), said, reply.declined()));
            turn = reply.declined()
                    ? session.decline(question.questionId())
                    : session.answer(question.questionId(), said);
        }
        return new Outcome((Turn.Answer) turn, userCalls.total(), session.examples(), turns);
    }
}
