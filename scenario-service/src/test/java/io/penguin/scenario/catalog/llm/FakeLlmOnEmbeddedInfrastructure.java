package io.penguin.scenario.catalog.llm;

import io.penguin.embedded.EmbeddedInfrastructureResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The LLM generator's tests: the real embedded Kafka broker and PostgreSQL, and the fake model server over HTTP. A
 * small import limit, so the limit can be shown with small bodies, and an owner token, so that loopback alone is not
 * enough.
 */
public class FakeLlmOnEmbeddedInfrastructure implements QuarkusTestProfile {

    /** The import limit of this profile. */
    public static final int IMPORT_LIMIT = 64 * 1024;

    /** The catalog owner's token of this profile. */
    public static final String OWNER_TOKEN = "test-owner-token";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "penguin.catalog.generator.reasks",
                "2",
                "penguin.catalog.generator.parallel-issues",
                "3",
                "penguin.catalog.import-max-size",
                Integer.toString(IMPORT_LIMIT),
                "penguin.catalog.owner-token",
                OWNER_TOKEN,
                "penguin.catalog.job-heartbeat",
                "200ms");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(EmbeddedInfrastructureResource.class, Map.of("database", "penguin_scenario")),
                new TestResourceEntry(FakeLlmResource.class));
    }
}
