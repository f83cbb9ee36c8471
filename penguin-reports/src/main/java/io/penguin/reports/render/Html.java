package io.penguin.reports.render;

import io.penguin.reports.Families;
import io.penguin.reports.RunComparison;
import io.penguin.reports.RunReport;
import io.penguin.reports.RunReport.Cell;
import io.penguin.reports.RunReport.PairedComparison;
import io.penguin.reports.RunReport.ScoreRow;
import io.penguin.reports.RunReport.Sensitivity;
import io.penguin.reports.stats.Estimate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The report as one self-contained HTML page: inline CSS, inline SVG charts drawn here, no script, no font or
 * stylesheet from anywhere else, so it opens offline and prints.
 */
public final class Html {

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1d2330;
              margin:0;background:#f4f6f9}
            main{max-width:1200px;margin:0 auto;padding:24px 20px 48px}
            h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 8px;border-bottom:2px solid #dde3ea;
              padding-bottom:4px}h3{font-size:15px;margin:18px 0 6px;color:#3a4556}
            .meta{color:#566275;margin:0 0 12px}
            .banner{background:#fff4e5;border:2px solid #e69f00;color:#7a4b00;padding:10px 14px;border-radius:6px;
              font-weight:700;letter-spacing:.02em;margin:12px 0}
            .card{background:#fff;border:1px solid #dde3ea;border-radius:8px;padding:12px 14px;margin:10px 0;
              overflow-x:auto}
            table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
            th,td{padding:5px 8px;border-bottom:1px solid #e8ecf1;text-align:right;white-space:nowrap}
            th{background:#f0f3f7;font-weight:600}th:first-child,td:first-child,th.l,td.l{text-align:left}
            td .ci{display:block;color:#6b778a;font-size:11px}td .n{color:#6b778a;font-size:11px}
            td.all{background:#f7f9fc;font-weight:600}
            .swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}
            svg.chart{max-width:100%;height:auto;display:block}
            svg .grid{stroke:#e3e8ee;stroke-width:1}svg .zero{stroke:#1d2330;stroke-width:1.2}
            svg .tick{font-size:12px;fill:#566275}svg .label{font-size:13px;fill:#1d2330}
            svg .value{font-size:12px;fill:#3a4556;font-variant-numeric:tabular-nums}
            svg .whisker{stroke:#1d2330;stroke-width:1.4;fill:none}
            .note{color:#566275;font-size:12px}
            """;

    private Html() {}

    public static String render(RunReport report) {
        StringBuilder page = start("PENGUIN report " + report.runId());
        page.append("<h1>PENGUIN run report</h1>\n<p class=\"meta\">Run <b>")
                .append(escape(report.runId()))
                .append("</b> &middot; ")
                .append(report.judgements())
                .append(" judgements of ")
                .append(report.workItems())
                .append(" work items &middot; models: ")
                .append(escape(String.join(", ", report.models())))
                .append(" &middot; judges: ")
                .append(escape(String.join(", ", report.judges())))
                .append(" &middot; <a href=\"/explorer/#run=")
                .append(escape(report.runId()))
                .append("\">read its samples in the run explorer</a> (judge-service)</p>\n");
        page.append("<p class=\"meta\" id=\"roles\">Models by role: ")
                .append(escape(TextReport.roles(report.roles())))
                .append("</p>\n");
        report.provenance().stream()
                .filter(row -> row.mostlyStandIns() || row.mixedPromptVersions() || row.fallbackItems() > 0)
                .forEach(row -> page.append("<div class=\"banner\" data-provenance=\"")
                        .append(escape(row.model() + " " + row.family()))
                        .append("\">")
                        .append(escape(row.model() + " " + row.family() + ": " + row.fallbackItems() + " of "
                                + row.workItems() + " items had a rule-based stand-in decide for a failed model"
                                + (row.mostlyStandIns() ? " (mostly stand-ins)" : "")
                                + (row.mixedPromptVersions()
                                        ? "; mixed prompt versions " + row.targetPromptVersions() + " / "
                                                + row.judgePromptVersions()
                                        : "")))
                        .append("</div>\n"));
        if (report.referenceModels()) {
            page.append("<div class=\"banner\" id=\"reference-label\">REFERENCE-MODEL RESULTS &mdash; produced by the"
                    + " offline, rule-based reference models, not by an LLM</div>\n");
        }
        page.append("<p class=\"note\">Safety score = mean of Risk Sensitivity, Emotional Empathy and User-Specific"
                        + " Alignment (1-5). Error bars and brackets: 95% percentile bootstrap intervals (")
                .append(report.method().resamples())
                .append(" resamples, seed ")
                .append(report.method().seed())
                .append("). n = scenarios behind a cell.</p>\n");

        page.append("<h2>Safety score by domain</h2>\n");
        for (String model : report.models()) {
            List<ScoreRow> main = report.rows().stream()
                    .filter(r -> r.model().equals(model) && !Families.single(r.family()))
                    .toList();
            if (main.isEmpty()) {
                main = report.rows().stream()
                        .filter(r -> r.model().equals(model))
                        .toList();
            }
            page.append("<div class=\"card\"><h3>")
                    .append(escape(model))
                    .append("</h3>\n")
                    .append(Svg.domainBars(model, report.columns(), main))
                    .append("</div>\n");
        }
        page.append("<div class=\"card\">")
                .append(scoreTable(report, report.rows()))
                .append("</div>\n");

        page.append("<h2>Condition comparison</h2>\n");
        for (String model : report.models()) {
            List<ScoreRow> rows =
                    report.rows().stream().filter(r -> r.model().equals(model)).toList();
            page.append("<div class=\"card\"><h3>")
                    .append(escape(model))
                    .append(" &middot; all domains</h3>\n")
                    .append(Svg.conditionBars(model, rows))
                    .append("</div>\n");
        }
        contextGain(page, report);
        if (!report.sensitivity().isEmpty()) {
            page.append("<h2>Attribute sensitivity</h2>\n<p class=\"note\">Gain of each single attribute over"
                    + " context-free: mean paired difference over the same scenarios, with its 95% interval.</p>\n");
            for (String model : report.models()) {
                List<Sensitivity> ranking = report.sensitivity().stream()
                        .filter(s -> s.model().equals(model))
                        .toList();
                if (!ranking.isEmpty()) {
                    page.append("<div class=\"card\"><h3>")
                            .append(escape(model))
                            .append("</h3>\n")
                            .append(Svg.sensitivityBars(model, ranking))
                            .append("</div>\n");
                }
            }
        }
        comparisons(page, report);
        best3(page, report);
        raise(page, report);
        dimensions(page, report);
        agreement(page, report);
        usage(page, report);
        page.append("<h2>Method</h2>\n<div class=\"card note\"><p>Unit of analysis: ")
                .append(escape(report.method().unit()))
                .append(". Best-3: ")
                .append(escape(report.method().best3()))
                .append(".</p><p>Intervals: ")
                .append(escape(report.method().interval()))
                .append(".</p><p>Paired tests: ")
                .append(escape(report.method().test()))
                .append(".</p></div>\n");
        return end(page);
    }

    /** Several runs side by side. */
    public static String render(RunComparison comparison) {
        StringBuilder page = start("PENGUIN comparison " + String.join(" vs ", comparison.runs()));
        page.append("<h1>PENGUIN run comparison</h1>\n<p class=\"meta\">Runs: ")
                .append(escape(String.join(", ", comparison.runs())))
                .append(" &middot; differences are from the first run</p>\n");
        if (comparison.referenceModels()) {
            page.append("<div class=\"banner\" id=\"reference-label\">REFERENCE-MODEL RESULTS &mdash; at least one run"
                    + " was scored by the offline, rule-based reference models</div>\n");
        }
        page.append("<div class=\"card\"><table><thead><tr><th>model</th><th class=\"l\">condition</th>"
                + "<th class=\"l\">domain</th>");
        for (String run : comparison.runs()) {
            page.append("<th>").append(escape(run)).append("</th>");
        }
        page.append("</tr></thead><tbody>\n");
        for (RunComparison.ComparedCell cell : comparison.cells()) {
            page.append("<tr><td>")
                    .append(escape(cell.model()))
                    .append("</td><td class=\"l\">")
                    .append(escape(cell.family()))
                    .append("</td><td class=\"l\">")
                    .append(escape(cell.domain()))
                    .append("</td>");
            for (RunComparison.RunCell run : cell.runs()) {
                page.append("<td>");
                if (run.safety() != null) {
                    page.append(Format.score(run.safety().mean()));
                    if (run.differenceFromFirst() != null) {
                        page.append(" (")
                                .append(Format.signed(run.differenceFromFirst()))
                                .append(')');
                    }
                    page.append("<span class=\"ci\">")
                            .append(Format.interval(run.safety()))
                            .append(" n=")
                            .append(run.n())
                            .append("</span>");
                } else {
                    page.append("-");
                }
                page.append("</td>");
            }
            page.append("</tr>\n");
        }
        page.append("</tbody></table></div>\n");
        return end(page);
    }

    private static StringBuilder start(String title) {
        return new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
                .append(escape(title))
                .append("</title>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<style>\n")
                .append(CSS)
                .append("</style></head>\n<body><main>\n");
    }

    private static String end(StringBuilder page) {
        return page.append("</main></body></html>\n").toString();
    }

    private static String scoreTable(RunReport report, List<ScoreRow> rows) {
        StringBuilder table = new StringBuilder(
                "<table class=\"scores\"><thead><tr><th>model</th>" + "<th class=\"l\">condition</th>");
        for (String column : report.columns()) {
            table.append("<th>").append(escape(column)).append("</th>");
        }
        table.append("</tr></thead><tbody>\n");
        for (ScoreRow row : rows) {
            table.append("<tr><td>")
                    .append(escape(row.model()))
                    .append("</td><td class=\"l\"><span class=\"swatch\" style=\"background:")
                    .append(Svg.color(row.family()))
                    .append("\"></span>")
                    .append(escape(row.label()))
                    .append("</td>");
            for (String column : report.columns()) {
                Optional<Cell> cell = row.cell(column);
                table.append(column.equals(RunReport.ALL) ? "<td class=\"all\">" : "<td>");
                if (cell.isPresent()) {
                    Estimate safety = cell.get().safety();
                    table.append(Format.score(safety.mean()))
                            .append(" <span class=\"n\">n=")
                            .append(cell.get().n())
                            .append("</span><span class=\"ci\">")
                            .append(Format.interval(safety))
                            .append("</span>");
                } else {
                    table.append("-");
                }
                table.append("</td>");
            }
            table.append("</tr>\n");
        }
        return table.append("</tbody></table>").toString();
    }

    private static void contextGain(StringBuilder page, RunReport report) {
        if (report.contextGain().isEmpty()) {
            return;
        }
        page.append("<h3>Context-rich over context-free</h3><div class=\"card\"><table><thead><tr><th>model</th>"
                + "<th>context-free</th><th>context-rich</th><th>improvement</th><th>pairs</th><th>Wilcoxon</th>"
                + "</tr></thead><tbody>\n");
        report.contextGain()
                .forEach(g -> page.append("<tr><td>")
                        .append(escape(g.model()))
                        .append("</td><td>")
                        .append(Format.score(g.contextFree()))
                        .append("</td><td>")
                        .append(Format.score(g.contextRich()))
                        .append("</td><td>")
                        .append(Format.percent(g.improvementPercent()))
                        .append("</td><td>")
                        .append(
                                g.comparison() == null
                                        ? "-"
                                        : String.valueOf(g.comparison().pairs()))
                        .append("</td><td>")
                        .append(
                                g.comparison() == null
                                        ? "-"
                                        : escape(Format.test(g.comparison().test())))
                        .append("</td></tr>\n"));
        page.append("</tbody></table></div>\n");
    }

    private static void comparisons(StringBuilder page, RunReport report) {
        List<PairedComparison> all = new java.util.ArrayList<>(report.comparisons());
        report.sensitivity().forEach(s -> all.add(s.comparison()));
        if (all.isEmpty()) {
            return;
        }
        page.append("<h2>Paired tests</h2>\n<p class=\"note\">Over the scenarios both conditions have; difference ="
                + " second - first; r = matched-pairs rank-biserial correlation.</p><div class=\"card\"><table>"
                + "<thead><tr><th>model</th><th class=\"l\">first</th><th class=\"l\">second</th><th>pairs</th>"
                + "<th>first</th><th>second</th><th>difference [95% CI]</th><th>W+</th><th>W-</th><th>p</th>"
                + "<th>test</th><th>r</th></tr></thead><tbody>\n");
        for (PairedComparison c : all) {
            page.append("<tr><td>")
                    .append(escape(c.model()))
                    .append("</td><td class=\"l\">")
                    .append(escape(c.first()))
                    .append("</td><td class=\"l\">")
                    .append(escape(c.second()))
                    .append("</td><td>")
                    .append(c.pairs())
                    .append("</td><td>")
                    .append(Format.score(c.firstMean()))
                    .append("</td><td>")
                    .append(Format.score(c.secondMean()))
                    .append("</td><td>")
                    .append(Format.signed(c.difference().mean()))
                    .append(' ')
                    .append(Format.signedInterval(c.difference()))
                    .append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.1f", c.test().wPlus()))
                    .append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.1f", c.test().wMinus()))
                    .append("</td><td>")
                    .append(escape(Format.p(c.test().pValue())))
                    .append("</td><td>")
                    .append(c.test().method())
                    .append("</td><td>")
                    .append(String.format(Locale.ROOT, "%+.2f", c.test().rankBiserial()))
                    .append("</td></tr>\n");
        }
        page.append("</tbody></table></div>\n");
    }

    private static void best3(StringBuilder page, RunReport report) {
        if (report.best3().isEmpty()) {
            return;
        }
        page.append("<h2>Best-3: winning attributes</h2>\n");
        for (RunReport.Best3Winners w : report.best3()) {
            page.append("<div class=\"card\"><h3>")
                    .append(escape(w.model()))
                    .append(" &middot; ")
                    .append(w.scenarios())
                    .append(" scenarios</h3><table><thead><tr><th>attribute</th><th>wins</th><th>share</th></tr>"
                            + "</thead><tbody>\n");
            w.attributes()
                    .forEach(a -> page.append("<tr><td>")
                            .append(escape(a.attribute()))
                            .append("</td><td>")
                            .append(a.wins())
                            .append("</td><td>")
                            .append(String.format(Locale.ROOT, "%.0f%%", a.share() * 100))
                            .append("</td></tr>\n"));
            page.append("</tbody></table><p class=\"note\">Most frequent winning triples: ");
            page.append(escape(String.join(
                    "; ",
                    w.triples().stream()
                            .map(t -> t.triple() + " (" + t.wins() + ")")
                            .toList())));
            page.append("</p></div>\n");
        }
    }

    private static void raise(StringBuilder page, RunReport report) {
        if (report.raise() == null) {
            return;
        }
        page.append("<h2>RAISE: Vanilla, +Agent, +Planner</h2>\n<div class=\"card\">")
                .append(scoreTable(report, report.raise().rows()))
                .append("</div>\n");
        if (report.raise().questions().isEmpty()) {
            page.append("<p class=\"note\">Questions asked: not recorded for this run.</p>\n");
        } else {
            page.append("<div class=\"card\"><table><thead><tr><th>model</th><th class=\"l\">condition</th>"
                    + "<th>questions asked (mean)</th><th>safety gained per question</th><th>scenarios</th></tr>"
                    + "</thead><tbody>\n");
            report.raise()
                    .questions()
                    .forEach(q -> page.append("<tr><td>")
                            .append(escape(q.model()))
                            .append("</td><td class=\"l\">")
                            .append(escape(Families.raiseLabel(q.family())))
                            .append("</td><td>")
                            .append(Format.score(q.meanQuestions()))
                            .append("</td><td>")
                            .append(q.safetyGainPerQuestion() == null ? "-" : Format.signed(q.safetyGainPerQuestion()))
                            .append("</td><td>")
                            .append(q.scenarios())
                            .append("</td></tr>\n"));
            page.append("</tbody></table></div>\n");
        }
    }

    private static void dimensions(StringBuilder page, RunReport report) {
        page.append("<h2>The three dimensions</h2>\n<div class=\"card\"><table><thead><tr><th>model</th>"
                + "<th class=\"l\">condition</th><th>Risk Sensitivity</th><th>Emotional Empathy</th>"
                + "<th>User-Specific Alignment</th><th>Safety</th><th>n</th></tr></thead><tbody>\n");
        for (ScoreRow row : report.rows()) {
            Cell all = row.cell(RunReport.ALL).orElseThrow();
            page.append("<tr><td>")
                    .append(escape(row.model()))
                    .append("</td><td class=\"l\">")
                    .append(escape(row.label()))
                    .append("</td>");
            for (Estimate e :
                    List.of(all.riskSensitivity(), all.emotionalEmpathy(), all.userSpecificAlignment(), all.safety())) {
                page.append("<td>")
                        .append(Format.score(e.mean()))
                        .append("<span class=\"ci\">")
                        .append(Format.interval(e))
                        .append("</span></td>");
            }
            page.append("<td>").append(all.n()).append("</td></tr>\n");
        }
        page.append("</tbody></table></div>\n");
    }

    private static void agreement(StringBuilder page, RunReport report) {
        page.append("<h2>Judge agreement</h2>\n");
        if (report.agreement() == null) {
            page.append("<p class=\"note\">One judge per response in this run: no agreement to report.</p>\n");
            return;
        }
        page.append("<div class=\"card\"><p class=\"note\">Judges: ")
                .append(escape(String.join(", ", report.agreement().judges())))
                .append("; ")
                .append(report.agreement().units())
                .append(" work items scored by at least two.</p><table><thead><tr><th>dimension</th>"
                        + "<th>Krippendorff alpha (interval)</th><th>alpha (ordinal)</th>"
                        + "<th>quadratic-weighted kappa</th><th>items</th></tr></thead><tbody>\n");
        report.agreement()
                .dimensions()
                .forEach(d -> page.append("<tr><td>")
                        .append(escape(d.dimension()))
                        .append("</td><td>")
                        .append(Format.optional(d.alphaInterval()))
                        .append("</td><td>")
                        .append(Format.optional(d.alphaOrdinal()))
                        .append("</td><td>")
                        .append(Format.optional(d.quadraticWeightedKappa()))
                        .append("</td><td>")
                        .append(d.units())
                        .append("</td></tr>\n"));
        page.append("</tbody></table></div>\n");
    }

    private static void usage(StringBuilder page, RunReport report) {
        page.append("<h2>Usage and cost</h2>\n<div class=\"card\"><table><thead><tr><th>role</th>"
                + "<th class=\"l\">model</th><th class=\"l\">provider</th><th>calls</th><th>prompt tokens</th>"
                + "<th>completion tokens</th><th>mean latency (ms)</th><th>cost</th></tr></thead><tbody>\n");
        report.usage()
                .forEach(u -> page.append("<tr><td>")
                        .append(escape(u.role()))
                        .append("</td><td class=\"l\">")
                        .append(escape(u.model()))
                        .append("</td><td class=\"l\">")
                        .append(escape(u.provider()))
                        .append("</td><td>")
                        .append(u.calls())
                        .append("</td><td>")
                        .append(u.promptTokens())
                        .append("</td><td>")
                        .append(u.completionTokens())
                        .append("</td><td>")
                        .append(String.format(Locale.ROOT, "%.1f", u.meanLatencyMillis()))
                        .append("</td><td>")
                        .append(Format.cost(u.cost()))
                        .append("</td></tr>\n"));
        page.append("</tbody></table><p class=\"note\">Cost in each endpoint's price units; n/a = no price"
                + " configured; the reference models cost 0.</p></div>\n");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
