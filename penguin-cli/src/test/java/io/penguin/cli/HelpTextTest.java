package io.penguin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's help prints cleanly: no picocli warning (an unescaped {@code %} in a description once did). */
class HelpTextTest {

    @Test
    void theHelpOfEveryCommandPrintsWithoutAPicocliWarning() {
        CommandLine root = new CommandLine(new PenguinCli());
        assertThat(Cli.penguin("--help").output()).doesNotContain("WARN").contains("Usage:");
        for (String command : root.getSubcommands().keySet()) {
            Cli.Result help = Cli.penguin(command, "--help");
            assertThat(help.output()).as(command).doesNotContain("WARN").contains("Usage:");
        }
    }
}
