package io.penguin.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** One line of run progress for a terminal: a bar, counts, rate and ETA, from a {@code GET /runs/{id}} answer. */
public final class RunProgress {

    private static final int WIDTH = 30;

    private RunProgress() {}

    public static String line(JsonNode run) {
        long total = run.path("total").asLong();
        long judged = run.path("judged").asLong();
        long failed = run.path("failed").asLong();
        long pending = run.path("pending").asLong();
        double done = total == 0 ? 1 : (double) (judged + failed) / total;
        int filled = (int) Math.round(done * WIDTH);
        StringBuilder line = new StringBuilder("[");
        line.append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ");
        line.append(String.format(Locale.ROOT, "%5.1f%% ", done * 100));
        line.append(
                String.format(Locale.ROOT, "judged %d/%d, failed %d, in flight %d", judged, total, failed, pending));
        double rate = run.path("judgedPerSecond").asDouble();
        if (rate > 0) {
            line.append(String.format(Locale.ROOT, ", %.1f/s", rate));
        }
        JsonNode eta = run.path("etaSeconds");
        if (eta.isNumber()) {
            line.append(", ETA ").append(duration(eta.asLong()));
        }
        return line.toString();
    }

    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return (seconds / 60) + "m" + String.format(Locale.ROOT, "%02d", seconds % 60) + "s";
        }
        return (seconds / 3600) + "h" + String.format(Locale.ROOT, "%02d", (seconds % 3600) / 60) + "m";
    }
}
