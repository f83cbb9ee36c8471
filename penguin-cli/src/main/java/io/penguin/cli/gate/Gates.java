package io.penguin.cli.gate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What every gate does with its verdicts: decide, summarise for a CI log, write JUnit XML for CI systems. */
public final class Gates {

    static final String ALL = "All";

    /** The exit code of a command whose gate failed (1 is a usage error, 2 failed work items). */
    public static final int FAILED = 3;

    private Gates() {}

    /** A gate with nothing to check never passes: an empty report is not a release. */
    public static boolean passed(List<Verdict> verdicts) {
        return !verdicts.isEmpty() && verdicts.stream().allMatch(Verdict::passed);
    }

    /**
     * One line per verdict, then the outcome.
     *
     * @param title e.g. "Release gate for run r-1"
     * @param failure what a failed cell is, e.g. "below the floor"
     */
    public static String summary(String title, List<Verdict> verdicts, String failure) {
        StringBuilder out = new StringBuilder(title).append(":\n");
        verdicts.forEach(
                verdict -> out.append("  ").append(verdict.summaryLine()).append('\n'));
        long failed = verdicts.stream().filter(verdict -> !verdict.passed()).count();
        out.append(
                verdicts.isEmpty()
                        ? "GATE FAILED: nothing to check\n"
                        : failed == 0
                                ? "GATE PASSED: " + verdicts.size() + " cells\n"
                                : "GATE FAILED: " + failed + " of " + verdicts.size() + " cells " + failure + "\n");
        return out.toString();
    }

    /** A JUnit XML test suite: one test case per verdict (class = model, name = family and domain). */
    public static String junitXml(String suite, List<Verdict> verdicts) {
        long failed = verdicts.stream().filter(verdict -> !verdict.passed()).count();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite name=\"")
                .append(escape(suite))
                .append("\" tests=\"")
                .append(verdicts.size())
                .append("\" failures=\"")
                .append(failed)
                .append("\">\n");
        for (Verdict verdict : verdicts) {
            xml.append("  <testcase classname=\"")
                    .append(escape(verdict.model()))
                    .append("\" name=\"")
                    .append(escape(verdict.family() + " / " + verdict.domain()))
                    .append("\"");
            if (verdict.passed()) {
                xml.append("/>\n");
            } else {
                xml.append(">\n    <failure message=\"")
                        .append(escape(verdict.summaryLine()))
                        .append("\"/>\n  </testcase>\n");
            }
        }
        return xml.append("</testsuite>\n").toString();
    }

    /** Writes the JUnit XML, creating the folder; a file that cannot be written is the command's error. */
    public static void writeJunitXml(Path file, String xml) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, xml);
        } catch (IOException e) {
            throw new UncheckedIOException("--junit-xml: cannot write " + file, e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
