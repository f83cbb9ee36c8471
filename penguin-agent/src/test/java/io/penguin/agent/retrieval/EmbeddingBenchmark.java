package io.penguin.agent.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Scenario;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Time per query embedding, one caller: our session (one thread per inference) next to the packaged model class
 * (ONNX's default thread pools per inference), side by side in one run. Prints figures; not part of
 * {@code mvn verify}. Run with {@code mvn -B -pl penguin-agent test -Dtest=EmbeddingBenchmark}.
 */
class EmbeddingBenchmark {

    @Test
    void printsMillisecondsPerSentence() {
        List<String> queries =
                BuiltinScenarios.all().stream().map(Scenario::query).toList();
        MiniLmEmbedder ours = new MiniLmEmbedder(1);
        AllMiniLmL6V2EmbeddingModel packaged = new AllMiniLmL6V2EmbeddingModel();
        System.out.printf(
                "Query embedding, all-MiniLM-L6-v2, %d cores%n",
                Runtime.getRuntime().availableProcessors());
        for (int round = 1; round <= 3; round++) {
            double mine = time(queries, ours::embed);
            double theirs = time(queries, text -> packaged.embed(text).content().vector());
            System.out.printf(
                    "round %d: ours (1 thread per inference) %.2f ms/sentence, packaged class %.2f ms/sentence%n",
                    round, mine, theirs);
        }
    }

    private static double time(List<String> queries, Function<String, float[]> embed) {
        long started = System.nanoTime();
        int sentences = 0;
        for (int repeat = 0; repeat < 10; repeat++) {
            for (String query : queries) {
                assertThat(embed.apply(query + " " + repeat)).hasSize(384);
                sentences++;
            }
        }
        return (System.nanoTime() - started) / 1e6 / sentences;
    }
}
