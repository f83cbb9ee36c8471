package io.penguin.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CLI reads the service's JSON back into these records: every field must survive the trip. */
class JsonRoundTripTest {

    private final ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void aReportAndAComparisonReadBackEqual() throws Exception {
        RunReport report = new ReportBuilder().build("run-a", TestRuns.fullRun("m", 5));
        String json = mapper.writeValueAsString(report);
        assertThat(mapper.readValue(json, RunReport.class)).isEqualTo(report);
        assertThat(json).doesNotContain("\"NaN\"").contains("\"rows\"").contains("\"comparisons\"");

        RunComparison comparison =
                RunComparison.of(List.of(report, new ReportBuilder().build("run-b", TestRuns.fullRun("m", 6))));
        assertThat(mapper.readValue(mapper.writeValueAsString(comparison), RunComparison.class))
                .isEqualTo(comparison);
    }
}
