package io.penguin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The README's main command, run in-process: its own broker, database and service processes, then the table. */
class DemoCommandIT {

    @Test
    void demoPrintsTheTablePerConditionAndDomainAndStopsEverything() throws Exception {
        Path workDir = SharedPlatform.home().resolve("penguin-cli/target/penguin-demo-it");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exitCode;
        try (PrintStream tee = new PrintStream(new TeeStream(original, captured), true, StandardCharsets.UTF_8)) {
            System.setOut(tee);
            exitCode = new CommandLine(new PenguinCli())
                    .execute("demo", "--home", SharedPlatform.home().toString(), "--work-dir", workDir.toString());
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        assertThat(exitCode).isZero();
        assertThat(output)
                .contains("REFERENCE-MODEL RESULTS")
                .contains("Relationship", "Education", "All")
                .contains("context-free", "context-rich")
                .contains("Context-rich over context-free")
                .contains("95% bootstrap CI")
                .contains("Usage per model and role")
                .contains("train-split scenarios with MCTS")
                .contains("RAISE rows", "+Agent", "+Planner")
                .contains("everything the demo started is stopped");
        try (var reports = Files.list(workDir.resolve("reports"))) {
            assertThat(reports.map(path -> path.getFileName().toString()))
                    .anyMatch(name -> name.endsWith(".json"))
                    .anyMatch(name -> name.endsWith(".txt"))
                    .anyMatch(name -> name.endsWith(".csv"))
                    .anyMatch(name -> name.endsWith(".html"));
        }
    }

    /** Writes to the console and keeps a copy. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream first;
        private final java.io.OutputStream second;

        TeeStream(java.io.OutputStream first, java.io.OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
