package io.penguin.cli.load.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void constantRateSpacesItemsEvenly() {
        Schedule schedule = Schedule.constant(50);

        assertThat(schedule.dueNanos(0)).isZero();
        assertThat(schedule.dueNanos(1)).isEqualTo(20_000_000L);
        assertThat(schedule.dueNanos(50)).isEqualTo(SECOND);
        assertThat(schedule.describe()).isEqualTo("constant 50/s");
    }

    @Test
    void recordedPaceKeepsTheOffsetsAndASpeedFactorCompressesThem() {
        long[] offsets = {0, 100, 100, 400};

        Schedule asRecorded = Schedule.recorded(offsets, 1);
        Schedule twiceAsFast = Schedule.recorded(offsets, 2);

        assertThat(asRecorded.dueNanos(1)).isEqualTo(100_000_000L);
        assertThat(asRecorded.dueNanos(2)).isEqualTo(100_000_000L);
        assertThat(asRecorded.dueNanos(3)).isEqualTo(400_000_000L);
        assertThat(twiceAsFast.dueNanos(3)).isEqualTo(200_000_000L);
    }

    @Test
    void aSecondPassOverTheRecordingStartsOneMeanGapAfterTheFirstPassEnds() {
        long[] offsets = {0, 100, 200, 300};

        Schedule schedule = Schedule.recorded(offsets, 1);

        // mean gap 100 ms: the pass is 400 ms long
        assertThat(schedule.dueNanos(4)).isEqualTo(400_000_000L);
        assertThat(schedule.dueNanos(7)).isEqualTo(700_000_000L);
    }

    @Test
    void rampReachesItsEndRateAndSendsTheAreaUnderTheRateLine() {
        Schedule schedule = Schedule.ramp(10, 30, Duration.ofSeconds(10));

        // (10 + 30) / 2 x 10 s = 200 items by the end of the ramp
        assertThat(schedule.dueNanos(200) / 1e9).isCloseTo(10.0, within(1e-6));
        // after the ramp: 30 per second
        assertThat((schedule.dueNanos(230) - schedule.dueNanos(200)) / 1e9).isCloseTo(1.0, within(1e-6));
        // at the start the gaps are about 1 / 10 s, near the end about 1 / 30 s
        assertThat((schedule.dueNanos(1) - schedule.dueNanos(0)) / 1e9).isCloseTo(0.1, within(0.01));
        assertThat((schedule.dueNanos(200) - schedule.dueNanos(199)) / 1e9).isCloseTo(1 / 30.0, within(0.002));
    }

    @Test
    void aFallingRampIsMonotonicToo() {
        Schedule schedule = Schedule.ramp(40, 10, Duration.ofSeconds(4));

        long previous = -1;
        for (long index = 0; index < 200; index++) {
            long due = schedule.dueNanos(index);
            assertThat(due).isGreaterThanOrEqualTo(previous);
            previous = due;
        }
        assertThat(schedule.dueNanos(100) / 1e9).isCloseTo(4.0, within(1e-6));
    }

    @Test
    void burstsSendTheirItemsTogether() {
        Schedule schedule = Schedule.bursts(3, Duration.ofSeconds(2));

        assertThat(schedule.dueNanos(0)).isZero();
        assertThat(schedule.dueNanos(2)).isZero();
        assertThat(schedule.dueNanos(3)).isEqualTo(2 * SECOND);
        assertThat(schedule.dueNanos(8)).isEqualTo(4 * SECOND);
    }

    @Test
    void nonsenseRatesAreRefusedWithTheirName() {
        assertThatThrownBy(() -> Schedule.constant(0)).hasMessageContaining("rate must be above 0");
        assertThatThrownBy(() -> Schedule.recorded(new long[] {0}, -1)).hasMessageContaining("speed");
        assertThatThrownBy(() -> Schedule.bursts(0, Duration.ofSeconds(1))).hasMessageContaining("burst size");
        assertThatThrownBy(() -> Schedule.ramp(1, 2, Duration.ZERO)).hasMessageContaining("duration");
    }
}
