package io.penguin.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs a {@code penguin} command in the test JVM, capturing what it prints (and echoing it to the test log). */
final class Cli {

    record Result(int exitCode, String output) {}

    private Cli() {}

    static Result penguin(String... args) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        PrintStream originalErr = System.err;
        int exitCode;
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            System.setErr(out);
            exitCode = new CommandLine(new PenguinCli()).execute(args);
        } finally {
            System.setOut(original);
            System.setErr(originalErr);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        original.print(output);
        return new Result(exitCode, output);
    }
}
