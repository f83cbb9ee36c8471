package io.penguin.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The PENGUIN taxonomy: 7 domains, 2 subcategories each, 10 issues each (140 issues). */
public final class Taxonomy {

    /** Where an issue sits. */
    public record IssuePlace(Domain domain, String subcategory, String issue) {}

    private static final String RESOURCE = "/penguin/taxonomy.json";
    private static final Taxonomy STANDARD = load();

    private final Map<String, IssuePlace> byIssue;

    private Taxonomy(Map<String, IssuePlace> byIssue) {
        this.byIssue = Collections.unmodifiableMap(byIssue);
    }

    /** The taxonomy shipped with the platform. */
    public static Taxonomy standard() {
        return STANDARD;
    }

    private static Taxonomy load() {
        try (InputStream in = Taxonomy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("taxonomy resource " + RESOURCE + " is missing");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, IssuePlace> byIssue = new LinkedHashMap<>();
            for (JsonNode domainNode : root.path("domains")) {
                Domain domain = Domain.fromLabel(domainNode.path("domain").asText());
                for (JsonNode sub : domainNode.path("subcategories")) {
                    String subcategory = sub.path("subcategory").asText();
                    for (JsonNode issue : sub.path("issues")) {
                        byIssue.put(issue.asText(), new IssuePlace(domain, subcategory, issue.asText()));
                    }
                }
            }
            return new Taxonomy(byIssue);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read taxonomy " + RESOURCE, e);
        }
    }

    public Optional<IssuePlace> find(String issue) {
        return Optional.ofNullable(issue == null ? null : byIssue.get(issue.trim()));
    }

    public IssuePlace require(String issue) {
        return find(issue)
                .orElseThrow(() -> new IllegalArgumentException("unknown issue '" + issue + "': not in the taxonomy"));
    }

    public List<IssuePlace> issues() {
        return List.copyOf(byIssue.values());
    }

    public List<IssuePlace> issuesOf(Domain domain) {
        List<IssuePlace> result = new ArrayList<>();
        for (IssuePlace place : byIssue.values()) {
            if (place.domain() == domain) {
                result.add(place);
            }
        }
        return result;
    }
}
