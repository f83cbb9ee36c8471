package io.penguin.generation.models;

import io.penguin.generation.EmbeddedKafka;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The embedded broker plus a configured endpoint on the fake LLM server. */
public class FakeLlmEndpoint extends EmbeddedKafka {

    @Override
    public List<QuarkusTestProfile.TestResourceEntry> testResources() {
        return java.util.stream.Stream.concat(
                        super.testResources().stream(),
                        java.util.stream.Stream.of(new TestResourceEntry(FakeLlmResource.class)))
                .toList();
    }
}
