package io.penguin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.penguin.cli.platform.ServiceSpec;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class UpCommandTest {

    private static UpCommand parse(String... args) {
        UpCommand up = new UpCommand();
        new CommandLine(up).parseArgs(args);
        return up;
    }

    @Test
    void replicasDefaultToOneProcessOfEachService() {
        assertThat(parse().replicas.of(ServiceSpec.GENERATION)).isEqualTo(1);
        assertThat(parse("--replicas", "generation-service=2,judge-service=3")
                        .replicas
                        .of(ServiceSpec.JUDGE))
                .isEqualTo(3);
    }

    @Test
    void aBadReplicasValueIsAUsageErrorNamingWhatIsWrong() {
        assertThatThrownBy(() -> parse("--replicas", "judge=2"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--replicas")
                .hasMessageContaining("unknown service 'judge'");
        assertThatThrownBy(() -> parse("--replicas", "judge-service=99"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("more than the 6 partitions of penguin.responses");
    }

    @Test
    void theCommandLineAnswersABadReplicasValueWithExitCode2AndTheReason() {
        Cli.Result result = Cli.penguin("up", "--replicas", "generation-service=0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("generation-service: the count must be at least 1, was 0");
    }
}
