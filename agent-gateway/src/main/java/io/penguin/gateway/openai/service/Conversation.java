package io.penguin.gateway.openai.service;

import io.penguin.agent.dialogue.Exchange;
import io.penguin.agent.dialogue.Questions;
import io.penguin.core.Attribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a conversation stands, read from the messages alone, so that any replica can serve any turn. An assistant
 * message is one of the agent's questions when its {@code penguin} extension names the attribute, or when its text is
 * the agent's question about an attribute ({@link Questions#about}, a fixed text per attribute); the user message
 * after a question is the reply to it. Any other assistant message (an answer) ends a query: the next user message
 * opens the next one, which keeps what the user told and asks none of those attributes again. System and developer
 * messages are not the user's and not the agent's: they are read past and never reach a model. Prints no content.
 *
 * @param query the user's query now being served (consecutive user messages before the first question, joined)
 * @param earlier the exchanges of earlier queries
 * @param current the exchanges since the query, in order
 */
public record Conversation(String query, List<Exchange> earlier, List<Exchange> current) {

    public Conversation {
        earlier = List.copyOf(earlier);
        current = List.copyOf(current);
    }

    /**
     * Reads the messages.
     *
     * @param maxQueryChars the longest query (the WebSocket protocol's limit)
     * @param maxAnswerChars the longest reply to a question
     */
    public static Conversation read(List<ChatMessage> messages, int maxQueryChars, int maxAnswerChars) {
        int last = messages.size() - 1;
        if (messages.get(last).role() != ChatRole.USER) {
            throw new InvalidChatRequestException(
                    "messages[" + last + "].role",
                    ChatRequestParser.INVALID_VALUE,
                    "the last message must be the user's (role user)");
        }
        List<Exchange> earlier = new ArrayList<>();
        List<Exchange> current = new ArrayList<>();
        StringBuilder query = null;
        Attribute pending = null;
        for (int i = 0; i <= last; i++) {
            ChatMessage message = messages.get(i);
            String at = "messages[" + i + "].content";
            switch (message.role()) {
                case SYSTEM, DEVELOPER -> {}
                case ASSISTANT -> {
                    if (pending != null) {
                        current.add(Exchange.unanswered(pending));
                        pending = null;
                    }
                    Optional<Attribute> asked = message.question().or(() -> questionIn(message.content()));
                    if (asked.isPresent()) {
                        if (query == null) {
                            throw new InvalidChatRequestException(
                                    "messages[" + i + "]",
                                    ChatRequestParser.INVALID_VALUE,
                                    "the agent's question at messages[" + i + "] comes before any user query");
                        }
                        pending = asked.get();
                    } else {
                        earlier.addAll(current);
                        current.clear();
                        query = null;
                    }
                }
                case USER -> {
                    if (pending != null) {
                        if (!message.withheld() && message.content().length() > maxAnswerChars) {
                            throw tooLong(at, message.content().length(), maxAnswerChars, "a reply to a question");
                        }
                        current.add(
                                message.withheld()
                                        ? Exchange.unanswered(pending)
                                        : Exchange.answered(pending, message.content()));
                        pending = null;
                    } else if (query != null && current.isEmpty()) {
                        query.append("\n\n").append(message.content().strip());
                    } else {
                        // a first query, or a user message after replies without a question between: a new query
                        earlier.addAll(current);
                        current.clear();
                        query = new StringBuilder(message.content().strip());
                    }
                    if (query != null && query.length() > maxQueryChars) {
                        throw tooLong(at, query.length(), maxQueryChars, "the query");
                    }
                }
            }
        }
        if (query == null || query.toString().isBlank()) {
            throw new InvalidChatRequestException(
                    "messages[" + last + "].content", ChatRequestParser.INVALID_VALUE, "the user's query is empty");
        }
        return new Conversation(query.toString(), earlier, current);
    }

    /** The attribute whose fixed question this text is, if it is one. */
    static Optional<Attribute> questionIn(String content) {
        String text = content.strip();
        for (Attribute attribute : Attribute.values()) {
            if (Questions.about(attribute).equals(text)) {
                return Optional.of(attribute);
            }
        }
        return Optional.empty();
    }

    private static InvalidChatRequestException tooLong(String at, int length, int limit, String what) {
        return new InvalidChatRequestException(
                at,
                ChatRequestParser.TOO_LONG,
                at + " has " + length + " characters for " + what + "; the limit is " + limit);
    }

    @Override
    public String toString() {
        return "Conversation[earlier=" + earlier + ", current=" + current + "]";
    }
}
