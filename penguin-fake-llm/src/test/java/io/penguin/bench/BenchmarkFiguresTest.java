package io.penguin.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkFiguresTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearProperty() {
        System.clearProperty(BenchmarkFigures.PROPERTY);
    }

    @Test
    void appendsOneJsonLinePerFigureToTheFileThePropertyNames() throws Exception {
        Path file = dir.resolve("nested/figures.jsonl");
        System.setProperty(BenchmarkFigures.PROPERTY, file.toString());

        BenchmarkFigures.of("Model layer")
                .figure("concurrent calls per second", 311.9, "calls/s")
                .figure("achieved share of the ceiling", 97.5, "%", "target >= 90%");
        BenchmarkFigures.of("Planner").figure("plans per second", 193.1, "plans/s");

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        JsonNode second = new ObjectMapper().readTree(lines.get(1));
        assertThat(second.path("benchmark").asText()).isEqualTo("Model layer");
        assertThat(second.path("figure").asText()).isEqualTo("achieved share of the ceiling");
        assertThat(second.path("value").asDouble()).isEqualTo(97.5);
        assertThat(second.path("unit").asText()).isEqualTo("%");
        assertThat(second.path("note").asText()).isEqualTo("target >= 90%");
        assertThat(new ObjectMapper().readTree(lines.get(2)).path("benchmark").asText())
                .isEqualTo("Planner");
    }

    @Test
    void writesNothingWithoutTheProperty() {
        BenchmarkFigures figures = BenchmarkFigures.of("Model layer").figure("calls", 1, "");

        assertThat(figures.enabled()).isFalse();
        assertThat(dir).isEmptyDirectory();
    }
}
