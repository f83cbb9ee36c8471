package io.penguin.catalog.writing.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.penguin.catalog.writing.OfflineScenarioWriter;
import io.penguin.catalog.writing.WrittenScenario;
import io.penguin.core.Attribute;
import io.penguin.core.Profile;
import io.penguin.core.Taxonomy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A well-behaved scenario-writing model for the fake server: it reads the generator's prompt (issue, seed, which
 * profile, how many queries) and answers with what the offline generator makes for the same issue and seed, which
 * satisfies every rule. Also builds the replies tests script.
 */
public final class FakeScenarioWriter implements Function<JsonNode, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SEED = Pattern.compile("Catalog seed: (\\d+)");
    private static final Pattern ISSUE = Pattern.compile("Issue: (.+?) \\(domain");
    private static final Pattern PROFILE = Pattern.compile("Write profile (\\d+) of (\\d+)");
    private static final Pattern QUERIES = Pattern.compile("Write (\\d+) different messages");

    private final OfflineScenarioWriter offline = new OfflineScenarioWriter();

    @Override
    public String apply(JsonNode body) {
        String prompt = body.path("messages").path(1).path("content").asText();
        long seed = Long.parseLong(find(SEED, prompt));
        String issue = find(ISSUE, prompt);
        String schema =
                body.path("response_format").path("json_schema").path("name").asText();
        if (schema.equals(ScenarioPrompts.PROFILE_SCHEMA)) {
            Matcher profile = PROFILE.matcher(prompt);
            if (!profile.find()) {
                throw new IllegalArgumentException("no profile number in the prompt");
            }
            int number = Integer.parseInt(profile.group(1));
            int total = Integer.parseInt(profile.group(2));
            return profileJson(profiles(seed, issue, total).get(number - 1));
        }
        int count = Integer.parseInt(find(QUERIES, prompt));
        String line = prompt.lines()
                .filter(text -> text.startsWith(ScenarioPrompts.PROFILE_LINE))
                .findFirst()
                .orElseThrow();
        Profile profile = readProfile(line.substring(ScenarioPrompts.PROFILE_LINE.length()));
        // The offline generator's queries for this profile, from the same issue so they are unique across it.
        for (int total = 1; total <= 50; total++) {
            List<WrittenScenario> scenarios = offline.issue(seed, place(issue), total, count);
            List<String> queries = scenarios.stream()
                    .filter(scenario -> scenario.scenario().profile().equals(profile))
                    .map(scenario -> scenario.scenario().query())
                    .toList();
            if (!queries.isEmpty()) {
                return queriesJson(queries);
            }
        }
        throw new IllegalArgumentException("the prompt's profile is not one the offline generator makes");
    }

    /** The offline generator's profiles of an issue, in order. */
    public List<Profile> profiles(long seed, String issue, int total) {
        return offline.issue(seed, place(issue), total, 1).stream()
                .map(scenario -> scenario.scenario().profile())
                .toList();
    }

    /** The offline generator's queries of an issue for each profile, in profile order. */
    public List<List<String>> queries(long seed, String issue, int profiles, int queries) {
        List<WrittenScenario> scenarios = offline.issue(seed, place(issue), profiles, queries);
        return java.util.stream.IntStream.range(0, profiles)
                .mapToObj(number -> scenarios.stream()
                        .filter(scenario -> scenario.profileNumber() == number)
                        .map(scenario -> scenario.scenario().query())
                        .toList())
                .toList();
    }

    public static ObjectNode profileNode(Profile profile) {
        ObjectNode node = JSON.createObjectNode();
        for (Attribute attribute : Attribute.values()) {
            if (attribute == Attribute.AGE) {
                node.put(attribute.label(), Integer.parseInt(profile.get(attribute)));
            } else {
                node.put(attribute.label(), profile.get(attribute));
            }
        }
        return node;
    }

    public static String profileJson(Profile profile) {
        return profileNode(profile).toString();
    }

    public static ObjectNode queriesNode(List<String> queries) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < queries.size(); i++) {
            node.put(QueriesReplyParser.key(i + 1), queries.get(i));
        }
        return node;
    }

    public static String queriesJson(List<String> queries) {
        return queriesNode(queries).toString();
    }

    private static Profile readProfile(String json) {
        try {
            Map<String, String> labels = new LinkedHashMap<>();
            JSON.readTree(json)
                    .properties()
                    .forEach(
                            entry -> labels.put(entry.getKey(), entry.getValue().asText()));
            return Profile.fromLabels(labels);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the prompt's profile line is not JSON", e);
        }
    }

    private static Taxonomy.IssuePlace place(String issue) {
        return Taxonomy.standard().find(issue).orElseThrow();
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalArgumentException("the prompt lacks " + pattern);
        }
        return matcher.group(1);
    }
}
