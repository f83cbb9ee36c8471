package io.penguin.catalog.writing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.penguin.core.Taxonomy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the offline generator knows about one issue (from {@code penguin/writing/issues.json}): how a person names
 * what happened, questions they would ask about it, the emotional states that fit, and what a profile must be to fit.
 * Issue values override their subcategory's.
 *
 * @param situation a noun phrase for what happened, as the person would say it ("the divorce")
 * @param asks practical questions that do not say how the person feels
 * @param emotions Emotional State tags that fit the issue
 * @param minAge youngest age that fits
 * @param maxAge oldest age that fits
 * @param marital Marital Status values that fit (empty: any the age allows)
 * @param professionTags Profession tags of which one must fit (empty: any)
 * @param healthTags Health Status tags of which one must fit (empty: any)
 * @param mentalTags Mental Health Status tags of which one must fit (empty: any)
 * @param economicTags Economic Status tags of which one must fit (empty: any)
 * @param educationMinRank lowest education rank that fits
 * @param selfHarmHistory whether the issue implies a past self-harm history
 */
public record IssueMaterial(
        Taxonomy.IssuePlace place,
        String situation,
        List<String> asks,
        List<String> emotions,
        int minAge,
        int maxAge,
        List<String> marital,
        List<String> professionTags,
        List<String> healthTags,
        List<String> mentalTags,
        List<String> economicTags,
        int educationMinRank,
        boolean selfHarmHistory) {

    private static final String RESOURCE = "/penguin/writing/issues.json";
    private static final Map<String, IssueMaterial> STANDARD = load();

    public static IssueMaterial of(String issue) {
        IssueMaterial material = STANDARD.get(issue);
        if (material == null) {
            throw new IllegalArgumentException("no generation material for issue '" + issue + "'");
        }
        return material;
    }

    private static Map<String, IssueMaterial> load() {
        try (InputStream in = IssueMaterial.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("generation material " + RESOURCE + " is missing");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, IssueMaterial> byIssue = new HashMap<>();
            for (Taxonomy.IssuePlace place : Taxonomy.standard().issues()) {
                JsonNode issue = root.path("issues").path(place.issue());
                JsonNode subcategory = root.path("subcategories").path(place.subcategory());
                if (issue.isMissingNode() || subcategory.isMissingNode()) {
                    throw new IllegalStateException(RESOURCE + " has no material for " + place.issue());
                }
                JsonNode age = pick(issue, subcategory, "age");
                byIssue.put(
                        place.issue(),
                        new IssueMaterial(
                                place,
                                issue.path("situation").asText(),
                                strings(issue.path("asks")),
                                strings(pick(issue, subcategory, "emotions")),
                                age.path(0).asInt(13),
                                age.path(1).asInt(90),
                                strings(pick(issue, subcategory, "marital")),
                                strings(pick(issue, subcategory, "professionTags")),
                                strings(pick(issue, subcategory, "healthTags")),
                                strings(pick(issue, subcategory, "mentalTags")),
                                strings(pick(issue, subcategory, "economicTags")),
                                pick(issue, subcategory, "educationMinRank").asInt(0),
                                "history".equals(issue.path("selfHarm").asText())));
            }
            return Map.copyOf(byIssue);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static JsonNode pick(JsonNode issue, JsonNode subcategory, String field) {
        return issue.has(field) ? issue.path(field) : subcategory.path(field);
    }

    private static List<String> strings(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(node -> result.add(node.asText()));
        return List.copyOf(result);
    }
}
