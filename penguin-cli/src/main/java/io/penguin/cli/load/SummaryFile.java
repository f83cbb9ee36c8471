package io.penguin.cli.load;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.penguin.contracts.Events;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A load tool's summary as indented JSON, for scripts and dashboards. */
public final class SummaryFile {

    private SummaryFile() {}

    public static void write(Path file, Object summary, PrintStream out) throws IOException {
        Files.writeString(
                file, Events.mapper().writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary));
        out.println("Summary written to " + file);
    }
}
