package io.penguin.gateway.sessions.service;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.penguin.contracts.agent.EndReason;
import io.penguin.contracts.agent.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The live sessions' meters: sessions started and ended, frames rejected, dropped and cut off, turn latency. */
@ApplicationScoped
public class SessionMetrics {

    private final MeterRegistry meters;
    private final Timer turnLatency;
    private final Timer queryLatency;
    private final Timer replyLatency;
    private final DistributionSummary questionsPerSession;

    public SessionMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.turnLatency = turnTimer(meters, "all");
        this.queryLatency = turnTimer(meters, "query");
        this.replyLatency = turnTimer(meters, "reply");
        this.questionsPerSession = DistributionSummary.builder("penguin.agent.questions")
                .description("Questions asked per answered live session")
                .register(meters);
    }

    /** The open-sessions gauge follows this map's size. */
    void watchOpen(Map<?, ?> open) {
        meters.gaugeMapSize("penguin.agent.sessions.open", List.of(), open);
    }

    void started() {
        meters.counter("penguin.agent.sessions.started").increment();
    }

    void ended(EndReason reason) {
        ended(reason.id());
    }

    /** An end without an end frame, e.g. {@code connection-closed}. */
    void ended(String reason) {
        meters.counter("penguin.agent.sessions.ended", "reason", reason).increment();
    }

    void rejected(ErrorCode code) {
        meters.counter("penguin.agent.frames.rejected", "code", code.id()).increment();
    }

    void dropped() {
        meters.counter("penguin.agent.frames.dropped").increment();
    }

    void cutOff(String reason) {
        meters.counter("penguin.agent.frames.cut-off", "reason", reason).increment();
    }

    void answered(int questions) {
        questionsPerSession.record(questions);
    }

    /** One handled frame: a query (retrieval happens here) or a reply. */
    void turn(boolean query, long nanos) {
        turnLatency.record(nanos, TimeUnit.NANOSECONDS);
        (query ? queryLatency : replyLatency).record(nanos, TimeUnit.NANOSECONDS);
    }

    SessionStats stats(int openSessions) {
        return new SessionStats(
                openSessions, TurnStats.of(turnLatency), TurnStats.of(queryLatency), TurnStats.of(replyLatency));
    }

    /** Server-side time from a client frame to the agent's reply, with p50 and p99 over the last 10 minutes. */
    private static Timer turnTimer(MeterRegistry meters, String kind) {
        return Timer.builder("penguin.agent.turn")
                .description("Server-side time from a client frame to the agent's reply (query turns retrieve)")
                .tag("kind", kind)
                .publishPercentiles(0.5, 0.99)
                .distributionStatisticExpiry(Duration.ofMinutes(10))
                .distributionStatisticBufferLength(2)
                .register(meters);
    }

    /**
     * Live-session figures.
     *
     * @param openSessions sessions open now
     * @param turns every frame handled
     * @param queries the queries, first and follow-up (embedding and retrieval happen here)
     * @param replies answers, skips, declines and bad frames
     */
    public record SessionStats(int openSessions, TurnStats turns, TurnStats queries, TurnStats replies) {}

    /**
     * Turn latency figures over the last 10 minutes.
     *
     * @param count frames handled (since start)
     * @param p50Millis median
     * @param p99Millis 99th percentile
     * @param maxMillis the slowest
     */
    public record TurnStats(long count, double p50Millis, double p99Millis, double maxMillis) {

        static TurnStats of(Timer timer) {
            var snapshot = timer.takeSnapshot();
            double p50 = Double.NaN;
            double p99 = Double.NaN;
            for (var percentile : snapshot.percentileValues()) {
                if (percentile.percentile() == 0.5) {
                    p50 = percentile.value(TimeUnit.MILLISECONDS);
                } else if (percentile.percentile() == 0.99) {
                    p99 = percentile.value(TimeUnit.MILLISECONDS);
                }
            }
            return new TurnStats(snapshot.count(), p50, p99, snapshot.max(TimeUnit.MILLISECONDS));
        }
    }
}
