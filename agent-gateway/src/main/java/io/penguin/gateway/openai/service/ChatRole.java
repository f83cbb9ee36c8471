package io.penguin.gateway.openai.service;

import java.util.Optional;

/** The message roles the endpoint reads; tool and function messages have no place in an agent that calls no tools. */
public enum ChatRole {
    SYSTEM("system"),
    DEVELOPER("developer"),
    USER("user"),
    ASSISTANT("assistant");

    private final String id;

    ChatRole(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    static Optional<ChatRole> parse(String id) {
        for (ChatRole role : values()) {
            if (role.id.equals(id)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
