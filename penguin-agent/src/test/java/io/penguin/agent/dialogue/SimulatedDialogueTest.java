package io.penguin.agent.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.penguin.agent.WordsEmbedder;
import io.penguin.agent.retrieval.PolicyIndex;
import io.penguin.agent.retrieval.RetrievalScope;
import io.penguin.agent.simulation.SimulatedDialogue;
import io.penguin.contracts.DialogueTurn;
import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Scenario;
import io.penguin.models.reference.ProfileUserSimulator;
import io.penguin.models.reference.ReferenceAgentModel;
import io.penguin.models.reference.ReferenceResponder;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulatedDialogueTest {

    @Test
    void theSimulatedUserAnswersFromTheHiddenProfileWithinTheBudget() {
        ReferenceAgentModel policy = new ReferenceAgentModel();
        Agent agent = new Agent(
                policy,
                policy,
                new PolicyIndex(new WordsEmbedder()),
                new ReferenceResponder(),
                new AgentSettings(4, ReferenceAgentModel.SUFFICIENT, 3, RetrievalScope.live(Set.of("train"))));
        ProfileUserSimulator user = new ProfileUserSimulator(0.5, 3);
        int asked = 0;
        int answered = 0;
        for (Scenario scenario : BuiltinScenarios.all()) {
            SimulatedDialogue.Outcome outcome =
                    SimulatedDialogue.run(agent, AgentMode.AGENT, new ReferenceResponder(), scenario, user);
            Turn.Answer answer = outcome.answer();
            // The transcript's turns are the questions in order, each answered or declined, the answered ones those
            // the target was shown.
            assertThat(outcome.turns()).extracting(DialogueTurn::attribute).containsExactlyElementsOf(answer.asked());
            assertThat(outcome.turns())
                    .filteredOn(turn -> !turn.declined())
                    .extracting(DialogueTurn::attribute)
                    .containsExactlyElementsOf(answer.answered());
            assertThat(outcome.turns())
                    .allSatisfy(turn -> assertThat(turn.question()).isNotBlank());
            assertThat(answer.asked()).hasSizeBetween(1, 4).doesNotHaveDuplicates();
            assertThat(answer.asked()).containsAll(answer.answered());
            asked += answer.asked().size();
            answered += answer.answered().size();
        }
        assertThat(answered).as("half the private questions are declined").isLessThan(asked);
    }
}
