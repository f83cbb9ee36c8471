package io.penguin.models.endpoint;

import java.util.List;

/**
 * One chat request as the model layer sees it: what is sent, apart from the endpoint's own parameters. Its text is
 * sensitive (profiles), so {@link #toString()} prints sizes only.
 *
 * @param messages the conversation, system message first if any
 * @param output the JSON shape the reply must have, or null for free text
 * @param sampling sampling that overrides the endpoint's for this call (a judge's temperature 0 and fixed seed), or
 *     null for the endpoint's own
 */
public record ChatCall(List<Message> messages, StructuredOutput output, Sampling sampling) {

    /** Sampling parameters of one call. */
    public record Sampling(Double temperature, Integer seed) {

        /** Temperature 0 and a fixed seed: as repeatable as the endpoint allows (judges). */
        public static final Sampling DETERMINISTIC = new Sampling(0.0, 20_240_601);
    }

    public ChatCall {
        if (messages == null || messages.isEmpty()) {
            throw new IllegalArgumentException("chat call: messages are empty");
        }
        messages = List.copyOf(messages);
    }

    public static ChatCall of(String system, String user) {
        return new ChatCall(List.of(Message.system(system), Message.user(user)), null, null);
    }

    public ChatCall withOutput(StructuredOutput output) {
        return new ChatCall(messages, output, sampling);
    }

    public ChatCall withSampling(Sampling sampling) {
        return new ChatCall(messages, output, sampling);
    }

    /** This conversation plus the model's reply and a new user message (a re-ask). */
    public ChatCall followedBy(String assistant, String user) {
        List<Message> longer = new java.util.ArrayList<>(messages);
        longer.add(new Message(Role.ASSISTANT, assistant));
        longer.add(Message.user(user));
        return new ChatCall(longer, output, sampling);
    }

    /** Rough token count before the call (4 characters a token), for the tokens-per-minute limit. */
    public int estimatedPromptTokens() {
        int chars = 0;
        for (Message message : messages) {
            chars += message.content().length();
        }
        return Math.max(1, chars / 4);
    }

    @Override
    public String toString() {
        return "ChatCall[" + messages.size() + " messages, structured=" + (output != null) + "]";
    }

    /** Who speaks. */
    public enum Role {
        SYSTEM,
        USER,
        ASSISTANT
    }

    /** One message; prints no content. */
    public record Message(Role role, String content) {

        public Message {
            if (role == null || content == null) {
                throw new IllegalArgumentException("chat message: role and content are required");
            }
        }

        public static Message system(String content) {
            return new Message(Role.SYSTEM, content);
        }

        public static Message user(String content) {
            return new Message(Role.USER, content);
        }

        @Override
        public String toString() {
            return "Message[" + role + ", " + content.length() + " chars]";
        }
    }
}
