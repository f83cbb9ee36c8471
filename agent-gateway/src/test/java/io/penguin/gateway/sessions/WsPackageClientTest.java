package io.penguin.gateway.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import io.penguin.embedded.EmbeddedInfrastructureResource;
import io.penguin.embedded.NodeClients;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The {@code ws} npm package, a client nobody here wrote, through a v1 session and a v2 conversation (deltas, a follow-up query). */
@QuarkusTest
@WithTestResource(EmbeddedInfrastructureResource.class)
class WsPackageClientTest {

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void theWsPackageRunsAV1SessionAndAV2ConversationWithStreamedAnswersAndAFollowUp() throws Exception {
        NodeClients.assumeNode();

        NodeClients.Run run = NodeClients.run("ws-protocol-check.mjs", gateway, "test-agent-key");

        assertThat(run.output())
                .contains(
                        "ok the gateway selects penguin.agent.v1",
                        "ok the query gets a question",
                        "ok the answers lead to a response",
                        "ok the gateway closes with 1000",
                        "ok the v2 answer arrives in delta frames first",
                        "ok the v2 response follows, its text the deltas joined",
                        "ok the v2 session goes on after the response",
                        "ok the follow-up asks no question already answered",
                        "ok the follow-up answer streams in deltas too",
                        "ok the user ends the v2 conversation",
                        "ok a wrong key is refused with 401 at the upgrade",
                        "all checks passed");
        assertThat(run.exitCode()).as(run.output()).isZero();
    }
}
