package io.penguin.gateway.openai.service;

import io.penguin.core.Attribute;
import java.util.Optional;

/**
 * One message of the conversation a client sends. Prints no content.
 *
 * @param role who spoke
 * @param content the text (text parts joined); empty for an assistant message without text
 * @param question for an assistant message, the attribute its {@code penguin} extension says it asked about
 * @param withheld for a user message, true when its {@code penguin} extension says the user skipped or declined the
 *     question instead of answering
 */
public record ChatMessage(ChatRole role, String content, Optional<Attribute> question, boolean withheld) {

    public static ChatMessage of(ChatRole role, String content) {
        return new ChatMessage(role, content, Optional.empty(), false);
    }

    @Override
    public String toString() {
        return "ChatMessage[" + role.id() + ", " + content.length() + " chars]";
    }
}
