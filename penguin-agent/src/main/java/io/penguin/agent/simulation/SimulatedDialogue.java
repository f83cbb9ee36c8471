package io.penguin.agent.simulation;

import io.penguin.agent.session.Agent;
import io.penguin.agent.session.AgentMode;
import io.penguin.agent.session.AgentSession;
import io.penguin.agent.session.Turn;
import io.penguin.core.Scenario;
import io.penguin.models.TargetModel;
import io.penguin.models.UserAnswer;
import io.penguin.models.UserSimulator;

/**
 * A dialogue between the agent and a simulated user who answers from the scenario's hidden profile (and may
 * decline): how the benchmark evaluates the agent. Retrieval never sees the scenario's own plan.
 */
public final class SimulatedDialogue {

    private SimulatedDialogue() {}

    public static Turn.Answer run(
            Agent agent, AgentMode mode, TargetModel target, Scenario scenario, UserSimulator user) {
        AgentSession session = agent.open(mode, target, agent.settings().scope().excluding(scenario.id()));
        Turn turn = session.start(scenario.query());
        while (turn instanceof Turn.Question question) {
            UserAnswer reply = user.answer(scenario.profile(), question.attribute());
            turn = reply.declined()
                    ? session.decline(question.questionId())
                    : session.answer(question.questionId(), reply.value().orElseThrow());
        }
        return (Turn.Answer) turn;
    }
}
