package io.penguin.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RunProgressTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void lineShowsBarCountsRateAndEta() throws Exception {
        String line = RunProgress.line(
                json.readTree(
                        "{\"total\":200,\"judged\":90,\"failed\":10,\"pending\":100,\"judgedPerSecond\":12.5,\"etaSeconds\":8}"));
        assertThat(line)
                .startsWith("[" + "#".repeat(15) + "-".repeat(15) + "]")
                .contains(" 50.0% ", "judged 90/200", "failed 10", "in flight 100", "12.5/s", "ETA 8s");
    }

    @Test
    void unknownEtaIsLeftOutAndLongOnesAreReadable() throws Exception {
        assertThat(RunProgress.line(json.readTree("{\"total\":10,\"judged\":0,\"pending\":10,\"etaSeconds\":null}")))
                .doesNotContain("ETA");
        assertThat(RunProgress.duration(3725)).isEqualTo("1h02m");
        assertThat(RunProgress.duration(125)).isEqualTo("2m05s");
    }
}
