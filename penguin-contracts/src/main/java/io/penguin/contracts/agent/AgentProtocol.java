package io.penguin.contracts.agent;

import java.net.URI;
import java.util.List;

/**
 * The live agent's WebSocket protocol (docs/agent-protocol.md): its versions, negotiated by subprotocol, and where it
 * is served. The frames are {@link ClientFrame} and {@link ServerFrame}.
 */
public final class AgentProtocol {

    /** Version 1: a query, the agent's questions, one response, then the session ends. */
    public static final String V1 = "penguin.agent.v1";

    /** Version 2: v1 with the answer streamed in {@code delta} frames, and the conversation going on after it. */
    public static final String V2 = "penguin.agent.v2";

    /** Every version the gateway serves, oldest first. */
    public static final List<String> SERVED = List.of(V1, V2);

    /** The endpoint's path on the gateway. */
    public static final String PATH = "/v1/agent";

    private AgentProtocol() {}

    /** The endpoint of a gateway given by its root ({@code ws://host:port/}), or {@code url} itself when it has a path. */
    public static URI endpoint(URI url) {
        String path = url.getPath();
        return path == null || path.isEmpty() || path.equals("/") ? url.resolve(PATH) : url;
    }
}
