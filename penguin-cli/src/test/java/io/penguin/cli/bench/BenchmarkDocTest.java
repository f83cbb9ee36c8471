package io.penguin.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchmarkDocTest {

    @TempDir
    Path dir;

    @Test
    void rendersATablePerBenchmarkWithTheMachineLoadAndCommands() throws Exception {
        Path figures = dir.resolve("figures.jsonl");
        Files.write(
                figures,
                List.of(
                        "{\"benchmark\":\"Model layer\",\"figure\":\"concurrent calls per second\",\"value\":311.94,"
                                + "\"unit\":\"calls/s\",\"note\":\"ceiling 320\"}",
                        "{\"benchmark\":\"Planner (MCTS)\",\"figure\":\"mean MCTS reward / exhaustive best\","
                                + "\"value\":0.99871,\"unit\":\"\"}",
                        "{\"benchmark\":\"Model layer\",\"figure\":\"peak concurrency\",\"value\":64.0,"
                                + "\"unit\":\"requests\"}"));
        Path load = dir.resolve("load.log");
        Files.write(
                load,
                List.of(
                        " 03:00:20 up 1 day,  load average: 3.10, 0.50, 0.30",
                        " 03:00:40 up 1 day,  load average: 12.75, 4.00, 1.00",
                        " 03:01:00 up 1 day,  load average: 7.00, 5.00, 2.00"));
        Path markdown = dir.resolve("benchmarks.md");
        Path json = dir.resolve("benchmarks.json");

        int exit = new CommandLine(new BenchmarkDoc())
                .execute(
                        "--figures", figures.toString(),
                        "--markdown", markdown.toString(),
                        "--json", json.toString(),
                        "--command", "mvn -B verify -Dtest=ModelLayerBenchmark",
                        "--started", "2026-11-28T03:00:00Z",
                        "--finished", "2026-11-28T03:20:00Z",
                        "--load-before", " 03:00:00 up 1 day,  load average: 0.50, 0.40, 0.30",
                        "--load-after", " 03:20:00 up 1 day,  load average: 2.00, 1.50, 1.00",
                        "--load-samples", load.toString(),
                        "--remark", "two other engineers built on the same 2 cores");

        assertThat(exit).isZero();
        String text = Files.readString(markdown);
        assertThat(text)
                .contains("## Model layer\n")
                .contains("| concurrent calls per second | 311.9 | calls/s | ceiling 320 |")
                .contains("| peak concurrency | 64 | requests |  |")
                .contains("## Planner (MCTS)")
                .contains("| mean MCTS reward / exhaustive best | 0.9987 |")
                .contains("load average: 0.50, 0.40, 0.30")
                .contains("the 1-minute load average reached 12.75 (highest of 3 samples")
                .contains("two other engineers")
                .contains("mvn -B verify -Dtest=ModelLayerBenchmark")
                .contains("cores");
        assertThat(text.indexOf("## Model layer")).isLessThan(text.indexOf("## Planner"));
        JsonNode document = new ObjectMapper().readTree(json.toFile());
        assertThat(document.path("benchmarks")).hasSize(2);
        assertThat(document.path("benchmarks").get(0).path("figures")).hasSize(2);
        assertThat(document.path("machine").path("cores").asText()).isNotBlank();
        assertThat(document.path("loadPeak").asDouble()).isEqualTo(12.75);
    }

    @Test
    void numbersKeepFourSignificantDigits() {
        assertThat(BenchmarkDoc.number(311.94)).isEqualTo("311.9");
        assertThat(BenchmarkDoc.number(0.99871)).isEqualTo("0.9987");
        assertThat(BenchmarkDoc.number(64.0)).isEqualTo("64");
        assertThat(BenchmarkDoc.number(28000.4)).isEqualTo("28000");
        assertThat(BenchmarkDoc.number(3.5)).isEqualTo("3.5");
    }
}
