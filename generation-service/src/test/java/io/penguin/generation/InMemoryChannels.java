package io.penguin.generation;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import java.util.HashMap;
import java.util.Map;

/** Single-service tests: the channels run in memory and no broker is needed. */
public class InMemoryChannels implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        config.putAll(InMemoryConnector.switchIncomingChannelsToInMemory("generation-requests"));
        config.putAll(InMemoryConnector.switchOutgoingChannelsToInMemory("responses"));
        config.put("quarkus.kafka.health.enabled", "false");
        return config;
    }
}
