package io.penguin.cli;

import io.penguin.cli.catalog.ExportCommand;
import io.penguin.cli.catalog.ImportCommand;
import io.penguin.cli.catalog.WriteCommand;
import io.penguin.cli.demo.DemoCommand;
import io.penguin.cli.eval.EvalCommand;
import io.penguin.cli.load.record.RecordCommand;
import io.penguin.cli.load.replay.ReplayCommand;
import io.penguin.cli.load.ws.WsLoadCommand;
import io.penguin.cli.report.CompareCommand;
import io.penguin.cli.report.ReportCommand;
import io.penguin.cli.report.SamplesCommand;
import io.penguin.cli.run.RedriveCommand;
import io.penguin.cli.run.RunCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code penguin} command. */
@Command(
        name = "penguin",
        mixinStandardHelpOptions = true,
        version = "PENGUIN platform 0.1.0",
        description = "PENGUIN benchmark and RAISE agent platform: launcher and tools.",
        subcommands = {
            DemoCommand.class,
            EvalCommand.class,
            UpCommand.class,
            ReportCommand.class,
            SamplesCommand.class,
            CompareCommand.class,
            WriteCommand.class,
            ImportCommand.class,
            ExportCommand.class,
            RunCommand.class,
            RedriveCommand.class,
            RecordCommand.class,
            ReplayCommand.class,
            WsLoadCommand.class
        })
public class PenguinCli {

    public static void main(String[] args) {
        int exitCode = new CommandLine(new PenguinCli())
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    commandLine.getErr().println("penguin: " + e.getMessage());
                    return 1;
                })
                .execute(args);
        System.exit(exitCode);
    }
}
