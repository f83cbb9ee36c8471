package io.penguin.cli.load.replay;

import io.penguin.cli.load.Latencies.Percentiles;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a replay did and measured. Every published item ends judged, dead-lettered, or unfinished (no judgement
 * before the drain timeout): {@code sent == judged + deadLettered + unfinished}.
 *
 * @param runId the run id of the first pass over the recording (further passes add {@code -pass<n>})
 * @param runIds every run id the replay published under
 * @param schedule how items were paced
 * @param bootstrapServers the broker replayed into
 * @param startedAt when the first item was due
 * @param sent work items published (acknowledged or not)
 * @param judged work items whose judgement (by the item's own judge) was seen on the judgements topic
 * @param deadLettered work items seen on a dead-letter topic
 * @param unfinished work items neither judged nor dead-lettered when the replay stopped waiting
 * @param sendErrors work items the broker did not accept
 * @param deadLetteredByTopic dead-lettered items per dead-letter topic
 * @param errors failures by kind (send errors by exception, dead letters by reason, undecodable judgements)
 * @param unmatchedJudgements judgements naming this replay's run ids that matched no item in flight (duplicates)
 * @param sendSeconds from the start until the last item was handed to the producer
 * @param totalSeconds from the start until the replay stopped waiting
 * @param sendRate items sent per second over the sending phase
 * @param judgedRate items judged per second, from the start to the last judgement
 * @param peakJudgedPerSecond the most judgements in one second
 * @param latency end to end, from handing the work item to the producer to seeing its judgement, in ms
 * @param scheduleLag how late items were sent against the schedule, in ms (high values: the sender fell behind)
 * @param consumerLag per consumer group: the highest lag sampled and the last one, from committed offsets (which
 *     the services commit every few seconds, so lag reads high by up to that much traffic)
 * @param perSecond items sent and judged in each second since the start
 * @param repeatedItems recorded items left out because they repeat an earlier item's identity (scenario, condition,
 *     model) once {@code --model} is applied: a run holds each identity once
 * @param storedJudgements judgements the judge-service stores for the run ids (when its URL was given)
 */
public record ReplaySummary(
        String runId,
        List<String> runIds,
        String schedule,
        String bootstrapServers,
        Instant startedAt,
        long sent,
        long judged,
        long deadLettered,
        long unfinished,
        long sendErrors,
        Map<String, Long> deadLetteredByTopic,
        Map<String, Long> errors,
        long unmatchedJudgements,
        double sendSeconds,
        double totalSeconds,
        double sendRate,
        double judgedRate,
        long peakJudgedPerSecond,
        Percentiles latency,
        Percentiles scheduleLag,
        Map<String, GroupLag> consumerLag,
        List<Second> perSecond,
        long repeatedItems,
        Long storedJudgements) {

    /** The highest and the last lag sampled for a consumer group. */
    public record GroupLag(long max, long last) {}

    /** Items sent and judged in one second of the replay. */
    public record Second(long second, long sent, long judged) {}

    /** True when every item sent was judged. */
    public boolean complete() {
        return sent > 0 && judged == sent;
    }

    public ReplaySummary withStoredJudgements(long stored) {
        return new ReplaySummary(
                runId,
                runIds,
                schedule,
                bootstrapServers,
                startedAt,
                sent,
                judged,
                deadLettered,
                unfinished,
                sendErrors,
                deadLetteredByTopic,
                errors,
                unmatchedJudgements,
                sendSeconds,
                totalSeconds,
                sendRate,
                judgedRate,
                peakJudgedPerSecond,
                latency,
                scheduleLag,
                consumerLag,
                perSecond,
                repeatedItems,
                stored);
    }

    /** The summary for a terminal. */
    public String text() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Replay %s (%s) into %s%n", runId, schedule, bootstrapServers));
        if (repeatedItems > 0) {
            text.append(String.format(
                    Locale.ROOT,
                    "  %d recorded items repeat another's scenario, condition and model: replayed once%n",
                    repeatedItems));
        }
        if (runIds.size() > 1) {
            text.append("  run ids: ").append(String.join(", ", runIds)).append('\n');
        }
        text.append(String.format(
                Locale.ROOT,
                "  sent %d in %.1f s (%.1f/s); judged %d (%.1f/s, peak %d in one second); dead-lettered %d;"
                        + " unfinished %d; send errors %d%n",
                sent,
                sendSeconds,
                sendRate,
                judged,
                judgedRate,
                peakJudgedPerSecond,
                deadLettered,
                unfinished,
                sendErrors));
        text.append("  end-to-end latency (published -> judged): ")
                .append(latency.line())
                .append('\n');
        text.append("  schedule lag (sent late by): ")
                .append(scheduleLag.line())
                .append('\n');
        if (consumerLag.values().stream().anyMatch(lag -> lag.max() > 0)) {
            // committed-offset lag; at the end it is only worth showing when items were left unfinished
            text.append(
                    unfinished > 0 ? "  consumer lag (records), max / at the end:" : "  consumer lag (records), max:");
            consumerLag.forEach((group, lag) -> {
                if (lag.max() > 0) {
                    text.append(' ').append(group).append(' ').append(lag.max());
                    if (unfinished > 0) {
                        text.append(" / ").append(lag.last());
                    }
                    text.append(',');
                }
            });
            text.setLength(text.length() - 1);
            text.append('\n');
        }
        deadLetteredByTopic.forEach(
                (topic, count) -> text.append(String.format(Locale.ROOT, "  dead-lettered on %s: %d%n", topic, count)));
        errors.forEach((kind, count) -> text.append(String.format(Locale.ROOT, "  error %s: %d%n", kind, count)));
        if (unmatchedJudgements > 0) {
            text.append(String.format(
                    Locale.ROOT, "  judgements matching no item in flight (duplicates): %d%n", unmatchedJudgements));
        }
        if (storedJudgements != null) {
            text.append(String.format(Locale.ROOT, "  judgements stored by judge-service: %d%n", storedJudgements));
        }
        text.append(String.format(Locale.ROOT, "  done in %.1f s%n", totalSeconds));
        return text.toString();
    }
}
