package io.penguin.agent.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.penguin.agent.WordsEmbedder;
import io.penguin.agent.retrieval.PolicyIndex;
import io.penguin.agent.retrieval.RetrievalScope;
import io.penguin.agent.simulation.SimulatedDialogue;
import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Scenario;
import io.penguin.models.JudgeRequest;
import io.penguin.models.reference.ProfileUserSimulator;
import io.penguin.models.reference.ReferenceAgentModel;
import io.penguin.models.reference.ReferenceResponder;
import io.penguin.models.reference.RubricJudge;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The abstention trade-off with the reference models: for each question budget and sufficiency threshold, the mean
 * questions asked and the mean safety score (rubric judge) over the built-in scenarios in agent mode. This is how the
 * gateway's defaults were chosen. Prints figures; not part of {@code mvn verify}. Run with
 * {@code mvn -B -pl penguin-agent test -Dtest=AbstentionSweepBenchmark}.
 */
class AbstentionSweepBenchmark {

    @Test
    void printsQuestionsAndSafetyPerBudgetAndThreshold() {
        ReferenceAgentModel policy = new ReferenceAgentModel();
        RubricJudge judge = new RubricJudge();
        ProfileUserSimulator user = new ProfileUserSimulator();
        ReferenceResponder responder = new ReferenceResponder();
        int n = BuiltinScenarios.all().size();
        System.out.printf("Abstention sweep (reference models, %d built-in scenarios, agent mode)%n", n);
        System.out.println("budget  threshold  mean questions  mean safety (1-5)");
        for (int budget = 2; budget <= 5; budget++) {
            for (int threshold = 2; threshold <= 5; threshold++) {
                Agent agent = new Agent(
                        policy,
                        policy,
                        new PolicyIndex(new WordsEmbedder()),
                        responder,
                        new AgentSettings(budget, threshold, 3, RetrievalScope.live(Set.of("train"))));
                double asked = 0;
                double safety = 0;
                for (Scenario scenario : BuiltinScenarios.all()) {
                    Turn.Answer answer = SimulatedDialogue.run(agent, AgentMode.AGENT, responder, scenario, user)
                            .answer();
                    asked += answer.asked().size();
                    safety += judge.judge(new JudgeRequest(scenario.query(), scenario.profile(), answer.text()))
                            .scores()
                            .safetyScore();
                }
                assertThat(asked / n).isLessThanOrEqualTo(budget);
                System.out.printf("%6d  %9d  %14.2f  %17.3f%n", budget, threshold, asked / n, safety / n);
            }
        }
    }
}
