package io.penguin.agent.dialogue;

/** A step the dialogue cannot take now: an answer before the query, a stale question id, a step after the end. */
public final class DialogueException extends RuntimeException {

    public DialogueException(String message) {
        super(message);
    }
}
