package io.penguin.cli.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.penguin.contracts.Events;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A recorded scenario stream on disk: JSON lines, one {@link RecordedItem} each, gzip-compressed when the file name
 * ends in {@code .gz} (reading recognises gzip by its magic bytes, whatever the name).
 */
public final class Recording {

    private static final ObjectMapper JSON = Events.mapper();

    private Recording() {}

    /** Writes to {@code <file>.part} and moves it into place on close, so a failed recording leaves no half file. */
    public static Sink create(Path file) throws IOException {
        return new Sink(file);
    }

    /** Writes a whole recording. */
    public static void write(Path file, List<RecordedItem> items) throws IOException {
        try (Sink sink = create(file)) {
            for (RecordedItem item : items) {
                sink.write(item);
            }
            sink.commit();
        }
    }

    /**
     * Reads a recording, ordered by offset (stable for equal offsets). A line that is not a recorded item is an error
     * naming the line and the problem, never the line's content (it holds profile values).
     */
    public static List<RecordedItem> read(Path file) throws IOException {
        List<RecordedItem> items = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(open(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String line;
            long number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    items.add(JSON.readValue(line, RecordedItem.class));
                } catch (JsonProcessingException e) {
                    Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : null;
                    throw new IllegalArgumentException(
                            file + " line " + number + ": not a recorded item ("
                                    + (cause != null ? cause.getMessage() : e.getOriginalMessage()) + ")",
                            e);
                }
            }
        }
        if (items.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no recorded item");
        }
        items.sort(Comparator.comparingLong(RecordedItem::offsetMillis));
        return items;
    }

    private static InputStream open(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /** An open recording file. */
    public static final class Sink implements AutoCloseable {

        private final Path file;
        private final Path partial;
        private final Writer out;
        private long written;
        private boolean failed = true;

        private Sink(Path file) throws IOException {
            this.file = file;
            this.partial = file.resolveSibling(file.getFileName() + ".part");
            OutputStream stream = Files.newOutputStream(partial);
            if (file.getFileName().toString().endsWith(".gz")) {
                stream = new GZIPOutputStream(stream, 1 << 16);
            }
            this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        }

        public void write(RecordedItem item) {
            try {
                out.write(JSON.writeValueAsString(item));
                out.write('\n');
                written++;
            } catch (IOException e) {
                throw new UncheckedIOException("writing " + partial + " failed", e);
            }
        }

        public long written() {
            return written;
        }

        /** Marks the recording complete: {@link #close()} then moves it into place. */
        public void commit() {
            failed = false;
        }

        @Override
        public void close() throws IOException {
            out.close();
            if (failed) {
                Files.deleteIfExists(partial);
            } else {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
