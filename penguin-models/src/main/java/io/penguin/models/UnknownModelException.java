package io.penguin.models;

/** A run or request named a model that no endpoint is configured for. Not transient: retrying cannot help. */
public class UnknownModelException extends RuntimeException {

    public UnknownModelException(String role, String name, Iterable<String> known) {
        super("no " + role + " model named '" + name + "' is configured; known: " + String.join(", ", known));
    }
}
