package io.penguin.contracts.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Frames to and from their JSON text, for both sides of the protocol. */
public final class FrameCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FrameCodec() {}

    public static String write(ServerFrame frame) {
        return text(frame);
    }

    public static String write(ClientFrame frame) {
        return text(frame);
    }

    /** A gateway frame read from its JSON; fails with {@link IllegalArgumentException} naming what is wrong. */
    public static ServerFrame serverFrame(JsonNode json) {
        try {
            return JSON.treeToValue(json, ServerFrame.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a server frame: " + e.getOriginalMessage(), e);
        }
    }

    static ObjectMapper mapper() {
        return JSON;
    }

    private static String text(Object frame) {
        try {
            return JSON.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + frame.getClass().getSimpleName() + " frame", e);
        }
    }
}
