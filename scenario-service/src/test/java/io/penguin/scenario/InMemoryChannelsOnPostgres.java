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
        // Written out rather than InMemoryConnector.switch*(), which also sets JVM-wide system properties that would
        // send the channels of every later Quarkus test in this JVM to memory too.
        for (String channel : List.of("judgements", "work-dead-letters", "planning-dead-letters")) {
            config.put("mp.messaging.incoming." + channel + ".connector", InMemoryConnector.CONNECTOR);
        }
        for (String channel : List.of("generation-requests", "agent-requests", "planning-requests", "dead-letters")) {
            config.put("mp.messaging.outgoing." + channel + ".connector", InMemoryConnector.CONNECTOR);
        }
        config.put("quarkus.kafka.health.enabled", "false");
        return config;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(EmbeddedInfrastructureResource.class, Map.of("database", "penguin_scenario")));
    }
}
