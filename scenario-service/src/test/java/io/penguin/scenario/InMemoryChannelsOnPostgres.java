package io.penguin.scenario;

import io.penguin.embedded.EmbeddedInfrastructureResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Single-service tests: channels in memory, the database real (the JVM's shared embedded PostgreSQL). */
public class InMemoryChannelsOnPostgres implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        config.putAll(InMemoryConnector.switchIncomingChannelsToInMemory("judgements", "work-dead-letters"));
        config.putAll(InMemoryConnector.switchOutgoingChannelsToInMemory("generation-requests", "dead-letters"));
        config.put("quarkus.kafka.health.enabled", "false");
        return config;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(EmbeddedInfrastructureResource.class, Map.of("database", "penguin_scenario")));
    }
}
