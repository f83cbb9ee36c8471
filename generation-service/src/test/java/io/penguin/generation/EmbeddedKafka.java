package io.penguin.generation;

import io.penguin.embedded.EmbeddedInfrastructureResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** generation-service on the JVM's shared embedded broker: real topics, real batches, real dead letters. */
public class EmbeddedKafka implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(EmbeddedInfrastructureResource.class));
    }
}
