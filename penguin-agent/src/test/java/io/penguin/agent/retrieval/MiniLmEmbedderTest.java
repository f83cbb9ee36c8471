package io.penguin.agent.retrieval;

import static io.penguin.agent.Policies.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.penguin.core.Attribute;
import io.penguin.models.PlannedPath;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The real model, packaged in a Maven jar: similar meaning, not shared words, decides. */
class MiniLmEmbedderTest {

    @Test
    void retrievesByMeaningWithThePackagedModel() {
        PolicyIndex index = new PolicyIndex(new MiniLmEmbedder());
        index.put(policy(
                "suicide",
                "train",
                "Sometimes I think everyone would be better off without me.",
                Attribute.PAST_SELF_HARM_HISTORY));
        index.put(policy(
                "debt", "train", "My credit card debt keeps growing and I can't pay it.", Attribute.ECONOMIC_STATUS));
        index.put(policy(
                "exams",
                "train",
                "I failed my final exams and I'm scared to tell my parents.",
                Attribute.EMOTIONAL_STATE));

        List<PlannedPath> nearest = index.nearest(
                index.embed("Would my family be happier if I just disappeared?"),
                3,
                RetrievalScope.live(Set.of("train")));

        assertThat(nearest).extracting(PlannedPath::scenarioId).first().isEqualTo("suicide");
        assertThat(index.embed("anything")).hasSize(384);
    }

    @Test
    void embedsExactlyAsThePackagedModelClassDoes() {
        String sentence = "I failed my exams and I'm scared to tell my parents.";
        float[] ours = new MiniLmEmbedder(1).embed(sentence);
        float[] packaged = new dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel()
                .embed(sentence)
                .content()
                .vector();
        assertThat(ours).hasSameSizeAs(packaged);
        for (int i = 0; i < ours.length; i++) {
            assertThat(ours[i]).isCloseTo(packaged[i], org.assertj.core.data.Offset.offset(1e-5f));
        }
    }
}
