package io.penguin.scenario;

import io.penguin.embedded.EmbeddedInfrastructureResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** scenario-service on the JVM's shared embedded broker and PostgreSQL: real topics, batches and dead letters. */
public class EmbeddedKafkaAndPostgres implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(EmbeddedInfrastructureResource.class, Map.of("database", "penguin_scenario")));
    }
}
