package io.penguin.reports.render;

import io.penguin.reports.Families;
import io.penguin.reports.RunReport.Cell;
import io.penguin.reports.RunReport.ScoreRow;
import io.penguin.reports.RunReport.Sensitivity;
import io.penguin.reports.stats.Estimate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Inline SVG charts drawn on the server: no script, no external resource, readable offline and in print. */
final class Svg {

    private static final double SCALE_MIN = 1;
    private static final double SCALE_MAX = 5;

    private Svg() {}

    static String color(String family) {
        return switch (family) {
            case Families.CONTEXT_FREE -> "#8c8c8c";
            case Families.CONTEXT_RICH -> "#0072b2";
            case Families.STATIC_3 -> "#e69f00";
            case Families.RANDOM_3 -> "#56b4e9";
            case Families.BEST_3 -> "#009e73";
            case Families.AGENT -> "#cc79a7";
            case Families.PLANNER -> "#d55e00";
            default -> "#6a5acd";
        };
    }

    /** Grouped bars: one group per domain column, one bar per family, each with its CI whisker. */
    static String domainBars(String model, List<String> columns, List<ScoreRow> rows) {
        int width = 1160;
        int height = 360;
        int left = 48;
        int right = 12;
        int top = 44;
        int bottom = 40;
        double plotWidth = width - left - right;
        double plotHeight = height - top - bottom;
        StringBuilder svg = open(width, height, "Safety score by domain for " + model, "chart-domains");
        axisY(svg, left, top, plotWidth, plotHeight);
        double group = plotWidth / columns.size();
        double bar = Math.min(30, group * 0.8 / Math.max(1, rows.size()));
        for (int g = 0; g < columns.size(); g++) {
            String column = columns.get(g);
            double start = left + g * group + (group - bar * rows.size()) / 2;
            for (int r = 0; r < rows.size(); r++) {
                ScoreRow row = rows.get(r);
                Optional<Cell> cell = row.cell(column);
                if (cell.isEmpty()) {
                    continue;
                }
                Estimate safety = cell.get().safety();
                double x = start + r * bar;
                double y = y(safety.mean(), top, plotHeight);
                double base = y(SCALE_MIN, top, plotHeight);
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                                + "<title>%s, %s: %s %s, n = %d</title></rect>%n",
                        x + 1,
                        y,
                        bar - 2,
                        Math.max(0.5, base - y),
                        color(row.family()),
                        Html.escape(row.label()),
                        Html.escape(column),
                        Format.score(safety.mean()),
                        Format.interval(safety),
                        cell.get().n()));
                whiskerVertical(svg, x + bar / 2, y(safety.low(), top, plotHeight), y(safety.high(), top, plotHeight));
            }
            svg.append(String.format(
                    Locale.ROOT,
                    "<text class=\"label\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\"%s>%s</text>%n",
                    left + g * group + group / 2,
                    height - bottom + 20,
                    column.equals("All") ? " font-weight=\"bold\"" : "",
                    Html.escape(column)));
        }
        legend(
                svg,
                rows.stream().map(ScoreRow::family).toList(),
                rows.stream().map(ScoreRow::label).toList(),
                left,
                18);
        return svg.append("</svg>\n").toString();
    }

    /** One horizontal bar per family: the All mean with its CI. */
    static String conditionBars(String model, List<ScoreRow> rows) {
        int rowHeight = 26;
        int left = 210;
        int right = 150;
        int top = 16;
        int width = 1160;
        int height = top + rows.size() * rowHeight + 34;
        double plotWidth = width - left - right;
        StringBuilder svg = open(width, height, "Safety score per condition for " + model, "chart-conditions");
        axisX(svg, left, top, plotWidth, rows.size() * rowHeight, SCALE_MIN, SCALE_MAX, 1);
        for (int r = 0; r < rows.size(); r++) {
            ScoreRow row = rows.get(r);
            Cell all = row.cell("All").orElseThrow();
            Estimate safety = all.safety();
            double y = top + r * rowHeight + 4;
            double x0 = x(SCALE_MIN, left, plotWidth, SCALE_MIN, SCALE_MAX);
            double x1 = x(safety.mean(), left, plotWidth, SCALE_MIN, SCALE_MAX);
            svg.append(String.format(
                    Locale.ROOT,
                    "<text class=\"label\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    left - 8,
                    y + 13,
                    Html.escape(row.label())));
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
                            + "<title>%s: %s %s, n = %d</title></rect>%n",
                    x0,
                    y,
                    Math.max(0.5, x1 - x0),
                    rowHeight - 8,
                    color(row.family()),
                    Html.escape(row.label()),
                    Format.score(safety.mean()),
                    Format.interval(safety),
                    all.n()));
            whiskerHorizontal(
                    svg,
                    y + (rowHeight - 8) / 2.0,
                    x(safety.low(), left, plotWidth, SCALE_MIN, SCALE_MAX),
                    x(safety.high(), left, plotWidth, SCALE_MIN, SCALE_MAX));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text class=\"value\" x=\"%.1f\" y=\"%.1f\">%s %s n=%d</text>%n",
                    width - right + 8.0,
                    y + 13,
                    Format.score(safety.mean()),
                    Format.interval(safety),
                    all.n()));
        }
        return svg.append("</svg>\n").toString();
    }

    /** Diverging bars: each attribute's gain over context-free, most helpful first, with CI whiskers. */
    static String sensitivityBars(String model, List<Sensitivity> ranking) {
        int rowHeight = 26;
        int left = 230;
        int right = 170;
        int top = 16;
        int width = 1160;
        int height = top + ranking.size() * rowHeight + 34;
        double plotWidth = width - left - right;
        double extent = 0.1;
        for (Sensitivity s : ranking) {
            extent = Math.max(
                    extent,
                    Math.max(
                            Math.abs(s.comparison().difference().low()),
                            Math.abs(s.comparison().difference().high())));
        }
        extent = Math.ceil(extent * 2) / 2;
        StringBuilder svg = open(width, height, "Attribute sensitivity for " + model, "chart-sensitivity");
        axisX(svg, left, top, plotWidth, ranking.size() * rowHeight, -extent, extent, extent / 2);
        for (int r = 0; r < ranking.size(); r++) {
            Sensitivity s = ranking.get(r);
            Estimate gain = s.comparison().difference();
            double y = top + r * rowHeight + 4;
            double zero = x(0, left, plotWidth, -extent, extent);
            double end = x(gain.mean(), left, plotWidth, -extent, extent);
            svg.append(String.format(
                    Locale.ROOT,
                    "<text class=\"label\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d. %s</text>%n",
                    left - 8,
                    y + 13,
                    s.rank(),
                    Html.escape(s.attribute())));
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
                            + "<title>%s: %s %s over context-free, %d pairs</title></rect>%n",
                    Math.min(zero, end),
                    y,
                    Math.max(0.5, Math.abs(end - zero)),
                    rowHeight - 8,
                    gain.mean() >= 0 ? "#009e73" : "#d55e00",
                    Html.escape(s.attribute()),
                    Format.signed(gain.mean()),
                    Format.signedInterval(gain),
                    s.comparison().pairs()));
            whiskerHorizontal(
                    svg,
                    y + (rowHeight - 8) / 2.0,
                    x(gain.low(), left, plotWidth, -extent, extent),
                    x(gain.high(), left, plotWidth, -extent, extent));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text class=\"value\" x=\"%.1f\" y=\"%.1f\">%s %s</text>%n",
                    width - right + 8.0,
                    y + 13,
                    Format.signed(gain.mean()),
                    Format.signedInterval(gain)));
        }
        double zero = x(0, left, plotWidth, -extent, extent);
        svg.append(String.format(
                Locale.ROOT,
                "<line class=\"zero\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>%n",
                zero,
                top,
                zero,
                top + ranking.size() * rowHeight));
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder open(int width, int height, String title, String cssClass) {
        return new StringBuilder(String.format(
                Locale.ROOT,
                "<svg class=\"chart %s\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\""
                        + " height=\"%d\" role=\"img\" aria-label=\"%s\">%n<title>%s</title>%n",
                cssClass,
                width,
                height,
                width,
                height,
                Html.escape(title),
                Html.escape(title)));
    }

    private static double y(double value, int top, double plotHeight) {
        return top + (SCALE_MAX - value) / (SCALE_MAX - SCALE_MIN) * plotHeight;
    }

    private static double x(double value, int left, double plotWidth, double min, double max) {
        return left + (value - min) / (max - min) * plotWidth;
    }

    private static void axisY(StringBuilder svg, int left, int top, double plotWidth, double plotHeight) {
        for (int tick = 1; tick <= 5; tick++) {
            double y = y(tick, top, plotHeight);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
                            + "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>%n",
                    left,
                    y,
                    left + plotWidth,
                    y,
                    left - 8,
                    y + 4,
                    tick));
        }
    }

    private static void axisX(
            StringBuilder svg,
            int left,
            int top,
            double plotWidth,
            int plotHeight,
            double min,
            double max,
            double step) {
        for (double tick = min; tick <= max + 1e-9; tick += step) {
            double x = x(tick, left, plotWidth, min, max);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
                            + "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x,
                    top,
                    x,
                    top + plotHeight,
                    x,
                    top + plotHeight + 18,
                    min < 0 ? String.format(Locale.ROOT, "%+.2f", tick) : String.format(Locale.ROOT, "%.0f", tick)));
        }
    }

    private static void whiskerVertical(StringBuilder svg, double x, double yLow, double yHigh) {
        svg.append(String.format(
                Locale.ROOT,
                "<path class=\"whisker\" d=\"M%.1f %.1fV%.1fM%.1f %.1fH%.1fM%.1f %.1fH%.1f\"/>%n",
                x,
                yLow,
                yHigh,
                x - 5,
                yLow,
                x + 5,
                x - 5,
                yHigh,
                x + 5));
    }

    private static void whiskerHorizontal(StringBuilder svg, double y, double xLow, double xHigh) {
        svg.append(String.format(
                Locale.ROOT,
                "<path class=\"whisker\" d=\"M%.1f %.1fH%.1fM%.1f %.1fV%.1fM%.1f %.1fV%.1f\"/>%n",
                xLow,
                y,
                xHigh,
                xLow,
                y - 5,
                y + 5,
                xHigh,
                y - 5,
                y + 5));
    }

    private static void legend(StringBuilder svg, List<String> families, List<String> labels, int left, int y) {
        double x = left;
        for (int i = 0; i < families.size(); i++) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect class=\"key\" x=\"%.1f\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                            + "<text class=\"label\" x=\"%.1f\" y=\"%d\">%s</text>%n",
                    x,
                    y - 10,
                    color(families.get(i)),
                    x + 17,
                    y,
                    Html.escape(labels.get(i))));
            x += 30 + labels.get(i).length() * 7.5;
        }
    }
}
