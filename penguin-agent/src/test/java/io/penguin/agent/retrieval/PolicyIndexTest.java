package io.penguin.agent.retrieval;

import static io.penguin.agent.Policies.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.penguin.agent.WordsEmbedder;
import io.penguin.core.Attribute;
import io.penguin.models.PlannedPath;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyIndexTest {

    private final PolicyIndex index = new PolicyIndex(new WordsEmbedder());
    private final RetrievalScope train = RetrievalScope.live(Set.of("train"));

    @Test
    void returnsTheMostSimilarPlannedQueriesFirst() {
        index.put(policy("s1", "train", "my exams went badly and my parents", Attribute.AGE));
        index.put(policy("s2", "train", "my debts are growing every month", Attribute.ECONOMIC_STATUS));
        index.put(policy("s3", "train", "failed exams again, parents will be angry", Attribute.EMOTIONAL_STATE));
        index.put(policy("s4", "train", "lonely since the move", Attribute.MARITAL_STATUS));

        List<PlannedPath> nearest = index.nearest(index.embed("I failed my exams, how do I tell my parents"), 2, train);

        assertThat(nearest).extracting(PlannedPath::scenarioId).containsExactlyInAnyOrder("s1", "s3");
        assertThat(nearest.get(0).similarity())
                .isGreaterThanOrEqualTo(nearest.get(1).similarity());
        assertThat(nearest).allSatisfy(path -> assertThat(path.similarity()).isBetween(0.0, 1.0001));
    }

    @Test
    void seesOnlyTheScopesSplitsAndNeverTheScenarioBeingAnswered() {
        index.put(policy("train-1", "train", "failed my exams", Attribute.AGE));
        index.put(policy("test-1", "test", "failed my exams", Attribute.GENDER));
        index.put(policy("train-2", "train", "failed my exams today", Attribute.PROFESSION));

        assertThat(index.nearest(index.embed("failed my exams"), 3, train))
                .extracting(PlannedPath::scenarioId)
                .containsExactlyInAnyOrder("train-1", "train-2");
        assertThat(index.nearest(index.embed("failed my exams"), 3, train.excluding("train-1")))
                .extracting(PlannedPath::scenarioId)
                .containsExactly("train-2");
    }

    @Test
    void aNewerPlanReplacesTheOlderAndAnEmptyPathRemovesIt() {
        index.put(policy("s1", "train", "failed my exams", Attribute.AGE));
        index.put(policy("s1", "train", "failed my exams", Attribute.EMOTIONAL_STATE, Attribute.AGE));
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.nearest(index.embed("exams"), 3, train).get(0).path())
                .containsExactly(Attribute.EMOTIONAL_STATE, Attribute.AGE);

        index.put(policy("s1", "train", "failed my exams"));
        assertThat(index.size()).isZero();
        index.put(policy("s2", "train", "exams", Attribute.AGE));
        index.remove("s2");
        assertThat(index.nearest(index.embed("exams"), 3, train)).isEmpty();
    }

    @Test
    void anEmbedderThatCannotLoadMakesRetrievalUnavailableWithoutNamingTheQuery() {
        PolicyIndex broken = new PolicyIndex(new WordsEmbedder(), text -> {
            throw new NoClassDefFoundError("Could not initialize class ai.djl.huggingface.tokenizers.jni.LibUtils");
        });

        assertThatThrownBy(() -> broken.embed("failed my exams"))
                .isInstanceOf(RetrievalUnavailableException.class)
                .hasMessage("policy retrieval is unavailable: the query embedding model failed (NoClassDefFoundError)")
                .hasCauseInstanceOf(NoClassDefFoundError.class);
    }
}
