package io.penguin.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The named figures a benchmark measured, for the benchmark suite ({@code bench/run}): each figure is appended as one
 * JSON line to the file named by the system property {@value #PROPERTY}, which the suite renders into
 * {@code docs/benchmarks.md}. Without the property (a benchmark run by hand) nothing is written; the benchmarks print
 * their figures either way.
 */
public final class BenchmarkFigures {

    /** The system property naming the figures file. */
    public static final String PROPERTY = "penguin.benchmark.figures";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String benchmark;
    private final Path file;

    private BenchmarkFigures(String benchmark, Path file) {
        this.benchmark = benchmark;
        this.file = file;
    }

    /** The figures of one benchmark, e.g. {@code "Model layer"}; written where {@value #PROPERTY} says, if it is set. */
    public static BenchmarkFigures of(String benchmark) {
        String path = System.getProperty(PROPERTY);
        return new BenchmarkFigures(benchmark, path == null || path.isBlank() ? null : Path.of(path));
    }

    /** Where the figures go, if anywhere. */
    public boolean enabled() {
        return file != null;
    }

    /**
     * Records a figure.
     *
     * @param name what was measured, e.g. {@code "concurrent calls per second"}
     * @param value the figure
     * @param unit its unit, e.g. {@code "calls/s"}, {@code "ms"}, {@code "MiB"}, or {@code ""}
     */
    public BenchmarkFigures figure(String name, double value, String unit) {
        return figure(name, value, unit, null);
    }

    /** Records a figure with a note on how to read it (the setting it was measured at, the target it is held to). */
    public BenchmarkFigures figure(String name, double value, String unit, String note) {
        if (file == null) {
            return this;
        }
        ObjectNode line = JSON.createObjectNode()
                .put("benchmark", benchmark)
                .put("figure", name)
                .put("value", value)
                .put("unit", unit)
                .put("recordedAt", Instant.now().toString());
        if (note != null) {
            line.put("note", note);
        }
        append(line.toString());
        return this;
    }

    private void append(String line) {
        synchronized (BenchmarkFigures.class) {
            try {
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                Files.writeString(
                        file,
                        line + "\n",
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append benchmark figures to " + file, e);
            }
        }
    }
}
