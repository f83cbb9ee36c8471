package io.penguin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command the README and the docs show is one that works as written: each {@code ./penguin} line parses with
 * the CLI's own picocli model (the command, its options and their values exist), each {@code mvn} line names modules
 * and test classes that exist, each {@code curl} line names a REST path some service serves. What the commands do is
 * covered by the system tests named in each doc page ({@code DemoCommandIT}, {@code EvalCommandIT},
 * {@code CatalogCommandsIT}, {@code ReplayIT}, {@code WsLoadIT}, ...); this test keeps the pages from drifting away
 * from the code.
 */
class DocumentedCommandsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern FENCE = Pattern.compile("```[a-z]*\\n(.*?)```", Pattern.DOTALL);

    /** A command line of a fenced block, where it was found. */
    record Shown(String page, String line) {}

    static List<Shown> shownCommands() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<Shown> shown = new ArrayList<>();
        for (Path page : pages) {
            Matcher fence = FENCE.matcher(Files.readString(page));
            while (fence.find()) {
                String[] lines = fence.group(1).split("\n");
                for (int i = 0; i < lines.length; i++) {
                    StringBuilder line = new StringBuilder(lines[i].strip());
                    while (line.toString().endsWith("\\") && i + 1 < lines.length) {
                        line.setLength(line.length() - 1);
                        line.append(' ').append(lines[++i].strip());
                    }
                    String command = withoutComment(line.toString().replaceFirst("^\\$\\s+", ""));
                    if (!command.isEmpty()) {
                        shown.add(new Shown(ROOT.relativize(page).toString(), command));
                    }
                }
            }
        }
        return shown;
    }

    @Test
    void everyPenguinCommandInTheDocsParsesWithTheCli() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Shown shown : shownCommands()) {
            List<String> words = words(shown.line());
            if (words.size() < 2
                    || !words.get(0).equals("./penguin")
                    || words.get(1).startsWith(",")) {
                continue;
            }
            if (shown.line().contains("[")) {
                // A synopsis (optional parts in brackets): its options must exist, its values are placeholders.
                words = synopsis(shown.line());
            }
            checked++;
            try {
                new CommandLine(new PenguinCli())
                        .parseArgs(words.subList(1, words.size()).toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                broken.add(shown.page() + ": " + shown.line() + " -> " + e.getMessage());
            }
        }
        assertThat(checked).as("./penguin commands found in the docs").isGreaterThan(10);
        assertThat(broken).as("documented ./penguin commands the CLI refuses").isEmpty();
    }

    @Test
    void everyMavenCommandInTheDocsNamesModulesAndTestClassesThatExist() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Shown shown : shownCommands()) {
            for (String command : shown.line().split("&&")) {
                List<String> words = words(command.strip());
                if (words.isEmpty() || !words.get(0).equals("mvn")) {
                    continue;
                }
                checked++;
                for (int i = 1; i < words.size(); i++) {
                    String word = words.get(i);
                    if (word.equals("-pl") && i + 1 < words.size()) {
                        for (String module : words.get(i + 1).split(",")) {
                            if (!Files.isRegularFile(ROOT.resolve(module).resolve("pom.xml"))) {
                                broken.add(shown.page() + ": no module " + module + " in " + command.strip());
                            }
                        }
                    }
                    Matcher tests = Pattern.compile("^-D(?:it\\.)?test=(.+)$").matcher(word);
                    if (tests.matches()) {
                        for (String test : tests.group(1).split(",")) {
                            if (!test.equals("none") && !testClassExists(test)) {
                                broken.add(shown.page() + ": no test class " + test + " in " + command.strip());
                            }
                        }
                    }
                }
            }
        }
        assertThat(checked).as("mvn commands found in the docs").isGreaterThan(5);
        assertThat(broken)
                .as("documented mvn commands naming what does not exist")
                .isEmpty();
    }

    @Test
    void everyCurlCommandInTheDocsNamesAPathAServiceServes() throws IOException {
        List<String> paths = servedPaths();
        List<String> broken = new ArrayList<>();
        int checked = 0;
        Pattern url = Pattern.compile("localhost:[^/\\s']+(/[^?\\s']*)");
        for (Shown shown : shownCommands()) {
            if (!shown.line().startsWith("curl")) {
                continue;
            }
            Matcher found = url.matcher(shown.line());
            if (!found.find()) {
                continue;
            }
            checked++;
            String first = "/" + found.group(1).split("/")[1];
            if (!paths.contains(first)) {
                broken.add(shown.page() + ": no service serves " + first + " (" + shown.line() + ")");
            }
        }
        assertThat(checked).as("curl commands found in the docs").isGreaterThan(3);
        assertThat(broken)
                .as("documented curl commands naming an unserved path")
                .isEmpty();
    }

    /** The first segment of every class-level {@code @Path} of the services, e.g. {@code /runs}. */
    private static List<String> servedPaths() throws IOException {
        List<String> paths = new ArrayList<>();
        Pattern annotation = Pattern.compile("@Path\\(\"(/?[^\"/]*)");
        try (Stream<Path> files = Files.walk(ROOT, 12)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> path.toString().contains("/src/main/java/"))
                    .toList()) {
                Matcher matcher = annotation.matcher(Files.readString(file));
                while (matcher.find()) {
                    String path = matcher.group(1);
                    paths.add(path.startsWith("/") ? path : "/" + path);
                }
            }
        }
        return paths;
    }

    private static boolean testClassExists(String name) {
        try (Stream<Path> files = Files.walk(ROOT, 12)) {
            return files.anyMatch(path -> path.getFileName().toString().equals(name + ".java")
                    && path.toString().contains("/src/test/java/"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A synopsis as parseable words: brackets and ellipses dropped, an option left without a value given one. */
    private static List<String> synopsis(String line) {
        List<String> words = words(line.replace("[", " ").replace("]", " ").replace("...", " "));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            // N stands for a number; the other upper-case placeholders (URL, NAME, VAR) are text.
            out.add(words.get(i).equals("N") ? "1" : words.get(i));
            boolean lastOrOption = i + 1 == words.size() || words.get(i + 1).startsWith("--");
            if (words.get(i).startsWith("--") && lastOrOption) {
                out.add("context-free");
            }
        }
        return out;
    }

    /** Shell words: quotes group, placeholders such as {@code <run-id>} get a plain value. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(placeholder(word.toString()));
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(placeholder(word.toString()));
        }
        return words;
    }

    private static String placeholder(String word) {
        return word.replaceAll("<[a-z-]+-port>", "8081").replaceAll("<[a-z-]+>", "x1");
    }

    private static String withoutComment(String line) {
        int comment = line.indexOf(" #");
        return (comment < 0 ? line : line.substring(0, comment)).strip();
    }
}
