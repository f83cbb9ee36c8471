package io.penguin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.penguin.embedded.EmbeddedInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The embedder's native libraries can be loaded once per JVM; a test JVM restarts the application in new class
 * loaders, so the artifacts that load them come from the JVM's own class loader in tests
 * ({@code %test.quarkus.class-loading.parent-first-artifacts}). Without that, a later application's embeddings failed
 * with {@code NoClassDefFoundError} once the first one's loader was collected.
 */
@QuarkusTest
@WithTestResource(EmbeddedInfrastructureResource.class)
class NativeLibrariesTest {

    @Test
    void theTokenizerAndOnnxRuntimeComeFromTheJvmsOwnClassLoaderInTests() throws ClassNotFoundException {
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        for (String name :
                new String[] {"ai.djl.huggingface.tokenizers.HuggingFaceTokenizer", "ai.onnxruntime.OrtEnvironment"}) {
            assertThat(Class.forName(name, false, application).getClassLoader())
                    .as(name)
                    .isSameAs(ClassLoader.getSystemClassLoader());
        }
    }
}
