package io.penguin.core;

import java.util.Objects;

/**
 * A PENGUIN scenario: a user query and the full profile of the person asking, placed in the taxonomy.
 *
 * @param id stable scenario id (the Kafka key of everything about this scenario)
 * @param domain one of the seven domains
 * @param subcategory the taxonomy subcategory
 * @param issue the taxonomy issue, the reference files' {@code "Scenario"} field
 * @param query what the user asks, in their own words
 * @param profile the full ten-attribute profile
 */
public record Scenario(String id, Domain domain, String subcategory, String issue, String query, Profile profile) {

    public Scenario {
        requireText(id, "id");
        Objects.requireNonNull(domain, "scenario domain is missing");
        requireText(issue, "issue");
        requireText(query, "query");
        Objects.requireNonNull(profile, "scenario profile is missing");
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("scenario " + field + " is missing or blank");
        }
    }

    /** Never prints the query or the profile values. */
    @Override
    public String toString() {
        return "Scenario[id=" + id + ", domain=" + domain.label() + ", issue=" + issue + "]";
    }
}
