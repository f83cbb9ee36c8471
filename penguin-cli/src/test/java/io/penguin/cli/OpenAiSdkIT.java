package io.penguin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.penguin.cli.platform.Platform;
import io.penguin.cli.platform.ServiceSpec;
import io.penguin.embedded.NodeClients;
import org.junit.jupiter.api.Test;

/**
 * The official {@code openai} npm package, a client nobody here wrote, against the packaged agent-gateway process of
 * the embedded platform: the checks of the gateway's own {@code OpenAiSdkClientTest} (a question, replies to an answer,
 * usage, streaming with the extension object, typed errors for a wrong key and bad requests), over the deployed jar.
 * Skipped where node is missing; required under CI.
 */
class OpenAiSdkIT {

    private final Platform platform = SharedPlatform.get();

    @Test
    void theOfficialSdkGetsQuestionsAnAnswerStreamsAndTypedErrorsFromThePackagedGateway() throws Exception {
        NodeClients.assumeNode();

        NodeClients.Run run =
                NodeClients.run("openai-sdk-check.mjs", platform.url(ServiceSpec.GATEWAY), platform.agentKey());

        assertThat(run.output()).contains(NodeClients.OPENAI_SDK_CHECKS);
        assertThat(run.exitCode()).as(run.output()).isZero();
    }
}
