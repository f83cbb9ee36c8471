package io.penguin.agent;

import io.penguin.contracts.PolicyPublished;
import io.penguin.core.Attribute;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Planned policies for tests. */
public final class Policies {

    private Policies() {}

    public static PolicyPublished policy(String scenarioId, String split, String query, Attribute... path) {
        return new PolicyPublished(
                UUID.randomUUID(),
                PolicyPublished.TYPE,
                PolicyPublished.SCHEMA_VERSION,
                Instant.now(),
                scenarioId,
                "planning-1",
                "Health",
                split,
                query,
                List.of(path),
                4.5,
                3,
                "reference",
                "reference-judge",
                12);
    }
}
