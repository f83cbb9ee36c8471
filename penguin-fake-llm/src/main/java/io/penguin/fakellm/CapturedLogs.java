package io.penguin.fakellm;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/**
 * A java.util.logging handler that keeps every line logged, with its stack trace: for tests that prove a secret (an
 * API key) never reaches a log. Attach it to the root logger; read {@link #lines()}.
 */
public final class CapturedLogs extends Handler {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    @Override
    public void publish(LogRecord record) {
        StringBuilder line = new StringBuilder(formatter.formatMessage(record));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(' ').append(trace);
        }
        lines.add(line.toString());
    }

    /** Every line logged so far. */
    public List<String> lines() {
        return lines;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
