package io.penguin.gateway.openai.service;

/**
 * A request the endpoint refuses with 400, in OpenAI's terms: the parameter at fault and a code. The message says what
 * is wrong and never echoes what the user wrote.
 */
public final class InvalidChatRequestException extends RuntimeException {

    private final String param;
    private final String code;

    public InvalidChatRequestException(String param, String code, String message) {
        super(message);
        this.param = param;
        this.code = code;
    }

    /** The parameter at fault, e.g. {@code messages[2].role}; null when the body as a whole is. */
    public String param() {
        return param;
    }

    public String code() {
        return code;
    }
}
