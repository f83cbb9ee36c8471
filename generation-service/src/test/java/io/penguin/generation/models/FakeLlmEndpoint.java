package io.penguin.generation.models;

import io.penguin.generation.InMemoryChannels;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** In-memory channels plus a configured endpoint on the fake LLM server. */
public class FakeLlmEndpoint extends InMemoryChannels {

    @Override
    public List<QuarkusTestProfile.TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeLlmResource.class));
    }
}
