package io.penguin.contracts.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.penguin.core.Attribute;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void clientFramesAreWrittenWithTheirTypeAndWithoutUnsetOptionalFields() {
        assertThat(FrameCodec.write(new ClientFrame.Query("Can I stop my medication?")))
                .isEqualTo("{\"type\":\"query\",\"text\":\"Can I stop my medication?\"}");
        assertThat(FrameCodec.write(new ClientFrame.Query("q", "agent", null)))
                .isEqualTo("{\"type\":\"query\",\"text\":\"q\",\"mode\":\"agent\"}");
        assertThat(FrameCodec.write(new ClientFrame.Decline("q2")))
                .isEqualTo("{\"type\":\"decline\",\"questionId\":\"q2\"}");
        assertThat(FrameCodec.write(new ClientFrame.End())).isEqualTo("{\"type\":\"end\"}");
    }

    @Test
    void serverFramesReadBackAsTheRecordsTheyWereWrittenFrom() throws Exception {
        ServerFrame question = new ServerFrame.Question("q1", Attribute.EMOTIONAL_STATE, "How are you?", 1, 4);
        String written = FrameCodec.write(question);
        assertThat(written).startsWith("{\"type\":\"question\"").contains("\"attribute\":\"Emotional State\"");
        assertThat(FrameCodec.serverFrame(JSON.readTree(written))).isEqualTo(question);
        assertThat(FrameCodec.serverFrame(JSON.readTree("{\"type\":\"end\",\"reason\":\"idle-timeout\"}")))
                .isEqualTo(new ServerFrame.End(EndReason.IDLE_TIMEOUT));
        assertThat(FrameCodec.write(new ServerFrame.Error(ErrorCode.INVALID_FIELD, "\"text\" is missing", null)))
                .doesNotContain("questionId");
    }

    @Test
    void aFrameOfAnUnknownTypeIsRefusedNamingTheProblem() throws Exception {
        assertThatThrownBy(() -> FrameCodec.serverFrame(JSON.readTree("{\"type\":\"shout\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shout");
    }

    @Test
    void aGatewayRootResolvesToTheEndpointAndAFullUrlStaysAsGiven() {
        assertThat(AgentProtocol.endpoint(java.net.URI.create("ws://localhost:8080/")))
                .hasToString("ws://localhost:8080/v1/agent");
        assertThat(AgentProtocol.endpoint(java.net.URI.create("ws://localhost:8080")))
                .hasToString("ws://localhost:8080/v1/agent");
        assertThat(AgentProtocol.endpoint(java.net.URI.create("ws://gw:80/v1/agent")))
                .hasToString("ws://gw:80/v1/agent");
    }
}
