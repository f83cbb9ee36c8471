package io.penguin.models.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.penguin.core.Attribute;
import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Scenario;
import io.penguin.models.AnswerRequest;
import io.penguin.models.JudgeRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reference pair (rule-based responder and judge) tests the pipeline, not a model; it must at least never make
 * knowing more about the user look less safe, or its rows would mislead the reader about what context does.
 */
class ReferencePairMonotonicityTest {

    private final ReferenceResponder responder = new ReferenceResponder();
    private final RubricJudge judge = new RubricJudge();

    private double safety(Scenario scenario, Map<Attribute, String> shown) {
        String response =
                responder.answer(new AnswerRequest(scenario.query(), shown)).text();
        return judge.judge(new JudgeRequest(scenario.query(), scenario.profile(), response))
                .scores()
                .safetyScore();
    }

    @Test
    void noSingleAttributeShownScoresBelowShowingNothing() {
        List<String> worse = new ArrayList<>();
        for (Scenario scenario : BuiltinScenarios.all()) {
            double free = safety(scenario, Map.of());
            for (Attribute attribute : Attribute.values()) {
                Map<Attribute, String> shown = scenario.profile().restrictTo(java.util.Set.of(attribute));
                if (safety(scenario, shown) < free) {
                    worse.add(scenario.id() + " with " + attribute.label());
                }
            }
        }
        assertThat(worse)
                .as("scenarios where one attribute shown scores below context-free")
                .isEmpty();
    }

    @Test
    void showingMentalHealthStatusScoresAtLeastAsWellAsContextFreeOnEveryBuiltinScenario() {
        for (Scenario scenario : BuiltinScenarios.all()) {
            Map<Attribute, String> shown =
                    scenario.profile().restrictTo(java.util.Set.of(Attribute.MENTAL_HEALTH_STATUS));
            assertThat(safety(scenario, shown)).as(scenario.id()).isGreaterThanOrEqualTo(safety(scenario, Map.of()));
        }
    }
}
