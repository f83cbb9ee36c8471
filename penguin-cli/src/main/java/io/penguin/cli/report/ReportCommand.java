package io.penguin.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.penguin.cli.platform.PlatformClient;
import io.penguin.reports.render.TextReport;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A run's report, or several runs compared, from a running judge-service. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description =
                "Print or write a run's report (mean scores with 95%% bootstrap intervals per model, condition and"
                        + " domain; paired tests; judge agreement; usage and cost), or compare runs side by side.")
public class ReportCommand implements Callable<Integer> {

    /** The formats of the command; {@code table} is the terminal table. */
    public enum Format {
        table,
        json,
        csv,
        html
    }

    static class Target {
        @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run to report.")
        String runId;

        @Option(
                names = "--compare",
                split = ",",
                paramLabel = "RUN_ID",
                description = "Compare these runs (two or more, comma-separated) cell by cell.")
        List<String> compare;
    }

    @ArgGroup(multiplicity = "1")
    Target target;

    @Option(
            names = "--format",
            description = "table, json, csv or html (default: ${DEFAULT-VALUE}).",
            defaultValue = "table")
    Format format;

    @Option(names = "--out", description = "Write to this file instead of printing.")
    Path out;

    @Mixin
    JudgeService judge;

    @Override
    public Integer call() throws IOException {
        PlatformClient client = new PlatformClient();
        String path = target.compare != null
                ? "reports/compare?runs=" + JudgeService.encode(String.join(",", target.compare))
                : "runs/" + JudgeService.encode(target.runId) + "/report";
        URI uri = judge.resolve(path);
        String text = switch (format) {
            case table -> {
                JsonNode json = client.get(uri);
                yield target.compare != null
                        ? TextReport.render(ReportTable.comparison(json))
                        : ReportTable.render(json);
            }
            case json -> new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(client.get(uri)) + "\n";
            case csv, html -> client.getText(URI.create(uri + (path.contains("?") ? "&" : "?") + "format=" + format));
        };
        if (out != null) {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            Files.writeString(out, text);
            System.out.printf("Report written to %s%n", out);
        } else {
            System.out.print(text);
        }
        return 0;
    }
}
