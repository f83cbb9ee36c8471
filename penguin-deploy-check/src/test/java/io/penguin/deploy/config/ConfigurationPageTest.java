package io.penguin.deploy.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/configuration.md} says what the code reads: its property tables are generated from the
 * {@code @ConfigMapping} interfaces, and this test fails when they drift. To regenerate:
 * {@code mvn -o -pl penguin-deploy-check test -Dtest=ConfigurationPageTest -Dpenguin.docs.write=true}.
 */
class ConfigurationPageTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path PAGE = ROOT.resolve("docs/configuration.md");

    @Test
    void theConfigurationPageHoldsTheTablesGeneratedFromTheConfigMappings() throws IOException {
        String page = Files.readString(PAGE);
        String generated = ConfigurationPage.render(ConfigurationPage.mappings(ROOT));
        if (Boolean.getBoolean("penguin.docs.write")) {
            Files.writeString(PAGE, ConfigurationPage.replaceSection(page, generated));
            page = Files.readString(PAGE);
        }

        assertThat(ConfigurationPage.section(page))
                .as(
                        "docs/configuration.md is out of date; regenerate it with"
                                + " mvn -o -pl penguin-deploy-check test -Dtest=ConfigurationPageTest -Dpenguin.docs.write=true")
                .isEqualTo(generated);
    }

    @Test
    void everyMappingOfEveryServiceIsFoundWithItsPropertiesAndKebabCaseNames() {
        List<ConfigurationPage.Mapping> mappings = ConfigurationPage.mappings(ROOT);

        assertThat(mappings)
                .extracting(ConfigurationPage.Mapping::prefix)
                .contains(
                        "penguin.runs",
                        "penguin.planning",
                        "penguin.catalog",
                        "penguin.models",
                        "penguin.lifecycle",
                        "penguin.planner",
                        "penguin.gateway");
        List<ConfigurationPage.Property> properties = mappings.stream()
                .flatMap(mapping -> mapping.properties().stream())
                .toList();
        assertThat(properties)
                .filteredOn(property -> property.name().equals("penguin.runs.best3-sample"))
                .singleElement()
                .satisfies(property -> assertThat(property.defaultValue()).isEqualTo("`10`"));
        assertThat(properties)
                .filteredOn(property -> property.name().equals("penguin.models.endpoints.<name>.base-url"))
                .singleElement()
                .satisfies(property -> assertThat(property.defaultValue()).isEqualTo("required"));
        assertThat(properties)
                .filteredOn(property -> property.name().equals("penguin.models.endpoints.<name>.api-key-file"))
                .singleElement()
                .satisfies(property -> {
                    assertThat(property.type()).isEqualTo("Path");
                    assertThat(property.defaultValue()).isEqualTo("unset");
                });
    }

    @Test
    void everyPropertySaysWhatItMeans() {
        assertThat(ConfigurationPage.mappings(ROOT).stream()
                        .flatMap(mapping -> mapping.properties().stream())
                        .filter(property -> property.meaning().isBlank())
                        .map(ConfigurationPage.Property::name))
                .as("properties whose method has no doc comment")
                .isEmpty();
    }

    /** The prefixes of our mappings and of the platform table; a topic or a metric under them is not a property. */
    private static final List<String> PROPERTY_PREFIXES = List.of(
            "penguin.runs.",
            "penguin.planning.",
            "penguin.catalog.",
            "penguin.models.",
            "penguin.lifecycle.",
            "penguin.planner.",
            "penguin.gateway.",
            "penguin.generation.",
            "penguin.judging.",
            "penguin.kafka.");

    @Test
    void everyPropertyTheReadmeAndTheDocsNameIsOneTheServicesRead() throws IOException {
        Set<String> known = new HashSet<>();
        ConfigurationPage.mappings(ROOT)
                .forEach(mapping -> mapping.properties().stream()
                        .map(ConfigurationPage.Property::name)
                        .forEach(known::add));
        known.addAll(List.of("penguin.kafka.session-timeout-ms", "penguin.kafka.heartbeat-interval-ms"));
        Set<String> topics = new HashSet<>();
        for (String line : Files.readAllLines(ROOT.resolve("infra/kafka/topics.conf"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                topics.add(line.trim().split("\\s+")[0]);
            }
        }
        Pattern named = Pattern.compile("(?<![\\w.])penguin\\.[a-z0-9][a-z0-9.<>*-]*[a-z0-9]");
        List<String> unknown = new ArrayList<>();
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        for (Path page : pages) {
            Matcher matcher = named.matcher(Files.readString(page));
            while (matcher.find()) {
                String name = matcher.group();
                boolean property = PROPERTY_PREFIXES.stream().anyMatch(name::startsWith);
                if (property
                        && !topics.contains(name)
                        && !topics.contains(name.replaceAll("\\.dlq$", ""))
                        && !known(name, known)) {
                    unknown.add(ROOT.relativize(page) + ": " + name);
                }
            }
        }
        assertThat(unknown)
                .as("properties named in the docs that no service reads")
                .isEmpty();
    }

    /** A property, a group of properties, or one with a named entry ({@code endpoints.gpt-4o.base-url}). */
    private static boolean known(String name, Set<String> known) {
        String placeholders = name.replaceAll("<[^>]+>", "<name>");
        if (known.contains(placeholders)
                || known.stream().anyMatch(property -> property.startsWith(placeholders + "."))) {
            return true;
        }
        String[] segments = placeholders.split("\\.");
        for (int i = 2; i < segments.length; i++) {
            String[] entry = segments.clone();
            entry[i] = "<name>";
            String candidate = String.join(".", entry);
            if (known.contains(candidate)
                    || known.stream().anyMatch(property -> property.startsWith(candidate + "."))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aDocCommentBecomesOneMarkdownLine() {
        assertThat(
                        ConfigurationPage.sentence(
                                " The {@code best-3} sample, see {@link RunConfig#rateWindow}.\n  Second <b>line</b>.\n @return x"))
                .isEqualTo("The `best-3` sample, see `rateWindow`. Second line.");
    }
}
