package io.penguin.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Renders the benchmark suite's figures (JSON lines from {@code io.penguin.bench.BenchmarkFigures}) as
 * {@code docs/benchmarks.json} and a markdown table per benchmark in {@code docs/benchmarks.md}, with the machine, the
 * date, the load and the exact commands. Run by {@code bench/run}.
 */
@Command(name = "benchmark-doc", mixinStandardHelpOptions = true, description = "Render benchmark figures.")
public final class BenchmarkDoc implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--figures", required = true, description = "The figures, JSON lines.")
    Path figures;

    @Option(names = "--markdown", required = true, description = "The markdown file to write.")
    Path markdown;

    @Option(names = "--json", required = true, description = "The JSON file to write.")
    Path json;

    @Option(names = "--command", required = true, description = "The exact commands that ran (repeatable).")
    List<String> commands;

    @Option(names = "--started", required = true, description = "When the suite started (ISO-8601).")
    String started;

    @Option(names = "--finished", required = true, description = "When the suite finished (ISO-8601).")
    String finished;

    @Option(names = "--load-before", required = true, description = "uptime before the suite.")
    String loadBefore;

    @Option(names = "--load-after", required = true, description = "uptime after the suite.")
    String loadAfter;

    @Option(
            names = "--load-samples",
            description = "uptime lines sampled while the suite ran; the highest 1-minute load average is reported.")
    Path loadSamples;

    @Option(names = "--remark", description = "A remark on the conditions, e.g. who else used the machine.")
    String remark;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchmarkDoc()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        Map<String, List<JsonNode>> byBenchmark = new LinkedHashMap<>();
        for (String line : Files.readAllLines(figures)) {
            if (!line.isBlank()) {
                JsonNode figure = JSON.readTree(line);
                byBenchmark
                        .computeIfAbsent(figure.path("benchmark").asText(), ignored -> new ArrayList<>())
                        .add(figure);
            }
        }
        if (byBenchmark.isEmpty()) {
            throw new IllegalStateException(figures + " holds no figures: did the benchmarks run?");
        }
        Map<String, String> machine = Machine.describe();

        ObjectNode document = JSON.createObjectNode();
        document.put("started", started).put("finished", finished);
        commands.forEach(document.putArray("commands")::add);
        ObjectNode machineNode = document.putObject("machine");
        machine.forEach(machineNode::put);
        document.put("loadBefore", loadBefore).put("loadAfter", loadAfter);
        LoadPeak peak = LoadPeak.of(loadSamples);
        if (peak != null) {
            document.put("loadPeak", peak.oneMinute()).put("loadSamples", peak.samples());
        }
        if (remark != null) {
            document.put("remark", remark);
        }
        ArrayNode benchmarks = document.putArray("benchmarks");
        byBenchmark.forEach((name, list) -> {
            ObjectNode benchmark = benchmarks.addObject().put("name", name);
            ArrayNode figureNodes = benchmark.putArray("figures");
            for (JsonNode figure : list) {
                ObjectNode copy = figureNodes
                        .addObject()
                        .put("figure", figure.path("figure").asText())
                        .put("value", figure.path("value").asDouble())
                        .put("unit", figure.path("unit").asText());
                if (figure.hasNonNull("note")) {
                    copy.put("note", figure.path("note").asText());
                }
            }
        });
        Files.writeString(json, JSON.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document) + "\n");

        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Written by `bench/run` (do not edit by hand: run it again). The same figures as JSON: ")
                .append("[`benchmarks.json`](benchmarks.json).\n\n");
        md.append("- **Date**: ")
                .append(started)
                .append(" to ")
                .append(finished)
                .append('\n');
        md.append("- **Machine**: ")
                .append(machine.get("cores"))
                .append(" cores (")
                .append(machine.get("cpu"))
                .append("), ")
                .append(machine.get("memory"))
                .append(" RAM, ")
                .append(machine.get("os"))
                .append(", Java ")
                .append(machine.get("java"))
                .append('\n');
        md.append("- **Load** (`uptime`): before `")
                .append(loadBefore.trim())
                .append("`; after `")
                .append(loadAfter.trim())
                .append("`");
        if (peak != null) {
            md.append(String.format(
                    Locale.ROOT,
                    "; while it ran, the 1-minute load average reached %.2f (highest of %d samples, one every 20 s)",
                    peak.oneMinute(),
                    peak.samples()));
        }
        md.append('\n');
        if (remark != null && !remark.isBlank()) {
            md.append("- **Conditions**: ").append(remark).append('\n');
        }
        md.append("- **Commands** (what `bench/run` ran):\n\n```bash\n");
        commands.forEach(command -> md.append(command).append('\n'));
        md.append("```\n");
        byBenchmark.forEach((name, list) -> {
            md.append("\n## ").append(name).append("\n\n");
            md.append("| figure | value | unit | note |\n|---|---:|---|---|\n");
            for (JsonNode figure : list) {
                md.append("| ")
                        .append(cell(figure.path("figure").asText()))
                        .append(" | ")
                        .append(number(figure.path("value").asDouble()))
                        .append(" | ")
                        .append(cell(figure.path("unit").asText()))
                        .append(" | ")
                        .append(cell(figure.path("note").asText("")))
                        .append(" |\n");
            }
        });
        Files.writeString(markdown, md.toString());
        System.out.printf("Wrote %s and %s (%d benchmarks)%n", markdown, json, byBenchmark.size());
        return 0;
    }

    /** The highest 1-minute load average among {@code uptime} lines, and how many lines there were. */
    record LoadPeak(double oneMinute, int samples) {

        static LoadPeak of(Path file) throws IOException {
            if (file == null || !Files.exists(file)) {
                return null;
            }
            double highest = -1;
            int samples = 0;
            for (String line : Files.readAllLines(file)) {
                int at = line.indexOf("load average:");
                if (at < 0) {
                    continue;
                }
                String first = line.substring(at + "load average:".length())
                        .split(",")[0]
                        .trim();
                try {
                    highest = Math.max(highest, Double.parseDouble(first));
                    samples++;
                } catch (NumberFormatException e) {
                    // not an uptime line
                }
            }
            return samples == 0 ? null : new LoadPeak(highest, samples);
        }
    }

    /** At most four significant digits, whole numbers from 1,000 on, no trailing zeros. */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        if (Math.abs(value) >= 1000) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
