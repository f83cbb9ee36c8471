package io.penguin.gateway.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.penguin.embedded.EmbeddedInfrastructureResource;
import io.penguin.embedded.NodeClients;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The official {@code openai} npm package, a client nobody here wrote, against this test's gateway. */
@QuarkusTest
@WithTestResource(EmbeddedInfrastructureResource.class)
@WithTestResource(FakeTargetResource.class)
class OpenAiSdkClientTest {

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void theOfficialSdkGetsAQuestionThenAnAnswerStreamsWithUsageAndRaisesTypedErrors() throws Exception {
        NodeClients.assumeNode();

        NodeClients.Run run = NodeClients.run("openai-sdk-check.mjs", gateway, ChatCompletionsResourceTest.KEY);

        assertThat(run.output()).contains(NodeClients.OPENAI_SDK_CHECKS);
        assertThat(run.exitCode()).as(run.output()).isZero();
    }
}
