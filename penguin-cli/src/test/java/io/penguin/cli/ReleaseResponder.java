package io.penguin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.penguin.fakellm.RoleAwareResponder;
import java.util.Set;
import java.util.function.Function;

/**
 * A released model and its candidate, made different by construction: both answer as the role-aware fake, except
 * that the candidate answers the queries it is told to regress with a careless line. Every other request gets the
 * same reply from both, so every other scenario scores the same under a deterministic judge.
 */
final class ReleaseResponder implements Function<JsonNode, String> {

    static final String CARELESS = "Just get over it.";

    private final RoleAwareResponder roles = new RoleAwareResponder();
    private volatile Set<String> regressed = Set.of();

    /** The candidate answers these queries carelessly from now on. */
    void regress(Set<String> queries) {
        regressed = Set.copyOf(queries);
    }

    @Override
    public String apply(JsonNode body) {
        if (SharedPlatform.CANDIDATE_MODEL.equals(body.path("model").asText()) && asks(body, regressed)) {
            return CARELESS;
        }
        return roles.apply(body);
    }

    private static boolean asks(JsonNode body, Set<String> queries) {
        for (JsonNode message : body.path("messages")) {
            String content = message.path("content").asText();
            for (String query : queries) {
                if (content.contains(query) || content.contains(query.replace("\"", "\\\""))) {
                    return true;
                }
            }
        }
        return false;
    }
}
