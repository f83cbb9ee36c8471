package io.penguin.models.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.http.client.sse.DefaultServerSentEventParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OpenAI's chunk stream read event by event: the deltas in order, the usage, and a typed error for anything else. */
class ChatStreamReaderTest {

    private final List<String> deltas = new ArrayList<>();

    private ChatStreamReader read(String... events) {
        StringBuilder body = new StringBuilder();
        for (String event : events) {
            body.append("data: ").append(event).append("\n\n");
        }
        ChatStreamReader reader = new ChatStreamReader(deltas::add);
        new DefaultServerSentEventParser()
                .parse(new ByteArrayInputStream(body.toString().getBytes(StandardCharsets.UTF_8)), reader);
        return reader;
    }

    private static String delta(String content) {
        return "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content + "\"},\"finish_reason\":null}]}";
    }

    @Test
    void relaysEachDeltaInOrderAndReadsTheUsageChunk() {
        ChatResult result = read(
                        "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}",
                        delta("Take "),
                        delta("care, "),
                        delta("please."),
                        "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}",
                        "{\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":3,\"total_tokens\":15}}",
                        "[DONE]")
                .result(99, 7);

        assertThat(deltas).containsExactly("Take ", "care, ", "please.");
        assertThat(result.text()).isEqualTo("Take care, please.");
        assertThat(result.promptTokens()).isEqualTo(12);
        assertThat(result.completionTokens()).isEqualTo(3);
    }

    @Test
    void estimatesTheUsageWhenTheEndpointSendsNone() {
        ChatResult result = read(delta("Hello there"), "[DONE]").result(40, 1);

        assertThat(result.promptTokens()).isEqualTo(40);
        assertThat(result.completionTokens()).isEqualTo(2);
    }

    @Test
    void aChunkThatIsNotJsonEndsTheStreamWithAnErrorNamingTheChunk() {
        ChatStreamReader reader =
                read(delta("Hello"), "{\"choices\": [ this is not json", delta("never read"), "[DONE]");

        assertThatThrownBy(() -> reader.result(1, 1))
                .isInstanceOf(MalformedReplyException.class)
                .hasMessage("stream chunk 2 is not JSON");
        assertThat(deltas).containsExactly("Hello");
    }

    @Test
    void aChunkWithoutChoicesOrWithNonTextContentIsMalformed() {
        assertThatThrownBy(() -> read("{\"id\":\"x\"}", "[DONE]").result(1, 1))
                .isInstanceOf(MalformedReplyException.class)
                .hasMessage("stream chunk 1 has no choices array");
        assertThatThrownBy(() -> read("{\"choices\":[{\"delta\":{\"content\":42}}]}", "[DONE]")
                        .result(1, 1))
                .isInstanceOf(MalformedReplyException.class)
                .hasMessage("stream chunk 1: choices[0].delta.content is NUMBER, not text");
    }

    @Test
    void anErrorObjectInTheStreamIsATypedFailure() {
        assertThatThrownBy(() -> read(delta("Hi"), "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}")
                        .result(1, 1))
                .isInstanceOf(MalformedReplyException.class)
                .hasMessage("stream chunk 2 is an error object: server_error");
    }

    @Test
    void aStreamThatEndsBeforeDoneIsMalformedNotAnswered() {
        assertThatThrownBy(() -> read(delta("Half an ans")).result(1, 1))
                .isInstanceOf(MalformedReplyException.class)
                .hasMessage("the stream ended after 1 chunks without [DONE]");
        assertThatThrownBy(() -> read("[DONE]").result(1, 1))
                .isInstanceOf(MalformedReplyException.class)
                .hasMessage("the stream carried no assistant text");
    }

    @Test
    void aFailingReceiverBreaksTheStreamWithoutBlamingTheEndpoint() {
        ChatStreamReader reader = new ChatStreamReader(piece -> {
            throw new IllegalStateException("client gone");
        });
        new DefaultServerSentEventParser()
                .parse(
                        new ByteArrayInputStream(
                                ("data: " + delta("Hi") + "\n\ndata: [DONE]\n\n").getBytes(StandardCharsets.UTF_8)),
                        reader);

        assertThatThrownBy(() -> reader.result(1, 1))
                .isInstanceOfSatisfying(
                        StreamBrokenException.class,
                        broken -> assertThat(broken.endpointFault()).isFalse())
                .hasMessage("the receiver of the deltas failed at chunk 1");
    }
}
