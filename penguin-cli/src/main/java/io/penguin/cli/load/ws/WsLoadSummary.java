package io.penguin.cli.load.ws;

import io.penguin.cli.load.Latencies.Percentiles;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * What a WebSocket load run did and measured. Every session started ends completed (a {@code response}, then
 * {@code end} with reason {@code completed}) or failed, with the first thing that went wrong as its failure type:
 * {@code started == completed + failed}.
 *
 * @param url the gateway endpoint
 * @param users concurrent scripted users
 * @param startedAt when the first user started
 * @param started sessions started (connection attempted)
 * @param completed sessions that got their response and a {@code completed} end
 * @param failed sessions that did not
 * @param failures failed sessions by type: {@code http-401}, {@code connect-refused}, {@code timeout:<waiting for>},
 *     {@code end:<reason>}, {@code closed-early:<status>}, {@code error:<code>}, {@code protocol:<what>}
 * @param errorFrames {@code error} frames received, by code (a session may go on after one)
 * @param questions questions the gateway asked
 * @param answered questions answered from the profile
 * @param declined questions declined
 * @param skipped questions skipped
 * @param fallbacks responses marked {@code fallback} (the target model was unreachable)
 * @param followUps follow-up queries answered (v2 sessions, {@code --follow-ups})
 * @param repeatedQuestions questions on an attribute already asked in the same session (the gateway promises none)
 * @param deltas {@code delta} frames received (v2)
 * @param seconds from the first connection attempt to the last session's end
 * @param sessionsPerSecond completed sessions per second
 * @param connect upgrade request to open WebSocket, ms
 * @param turn a client frame ({@code query}, {@code answer}, {@code skip}, {@code decline}) to the gateway's next
 *     {@code question} or {@code response}, ms
 * @param session upgrade request to {@code end}, ms (completed sessions)
 */
public record WsLoadSummary(
        String url,
        int users,
        Instant startedAt,
        long started,
        long completed,
        long failed,
        Map<String, Long> failures,
        Map<String, Long> errorFrames,
        long questions,
        long answered,
        long declined,
        long skipped,
        long fallbacks,
        long followUps,
        long repeatedQuestions,
        long deltas,
        double seconds,
        double sessionsPerSecond,
        Percentiles connect,
        Percentiles turn,
        Percentiles session) {

    public String text() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "WebSocket load: %d users against %s%n", users, url));
        text.append(String.format(
                Locale.ROOT,
                "  sessions: %d started, %d completed, %d failed in %.1f s (%.1f completed sessions/s)%n",
                started,
                completed,
                failed,
                seconds,
                sessionsPerSecond));
        text.append(String.format(
                Locale.ROOT,
                "  questions: %d asked, %d answered, %d declined, %d skipped; fallback responses %d%n",
                questions,
                answered,
                declined,
                skipped,
                fallbacks));
        if (followUps > 0 || deltas > 0) {
            text.append(String.format(
                    Locale.ROOT,
                    "  follow-ups: %d answered; questions on an attribute already asked in the session: %d;"
                            + " delta frames: %d%n",
                    followUps,
                    repeatedQuestions,
                    deltas));
        }
        text.append("  connect: ").append(connect.line()).append('\n');
        text.append("  turn:    ").append(turn.line()).append('\n');
        text.append("  session: ").append(session.line()).append('\n');
        failures.forEach(
                (type, count) -> text.append(String.format(Locale.ROOT, "  failed sessions %s: %d%n", type, count)));
        errorFrames.forEach(
                (code, count) -> text.append(String.format(Locale.ROOT, "  error frames %s: %d%n", code, count)));
        return text.toString();
    }
}
