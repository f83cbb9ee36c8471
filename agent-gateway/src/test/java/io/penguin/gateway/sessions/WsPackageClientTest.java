package io.penguin.gateway.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import io.penguin.embedded.EmbeddedInfrastructureResource;
import io.penguin.gateway.NodeClients;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The {@code ws} npm package, a client nobody here wrote, through whole sessions of penguin.agent.v1 and v2 (deltas). */
@QuarkusTest
@WithTestResource(EmbeddedInfrastructureResource.class)
class WsPackageClientTest {

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void theWsPackageOpensWithTheSubprotocolAnswersTheQuestionsAndGetsTheResponseStreamedInV2() throws Exception {
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
                        "ok a wrong key is refused with 401 at the upgrade",
                        "all checks passed");
        assertThat(run.exitCode()).as(run.output()).isZero();
    }
}
