package io.penguin.models.endpoint;

import java.util.Objects;
import java.util.function.UnaryOperator;

/** An endpoint's API key. It prints as {@code ***}: a key must never reach a log, a report or an exception. */
public final class ApiKey {

    /** For endpoints that need none (a local vLLM, Ollama, llama.cpp server): OpenAI clients still send a key. */
    public static final ApiKey NONE = new ApiKey("none", "no key");

    private final String value;
    private final String source;

    private ApiKey(String value, String source) {
        this.value = Objects.requireNonNull(value);
        this.source = source;
    }

    /**
     * The key held by the environment variable {@code variable}, read through {@code environment} (so tests need
     * not change the process environment).
     */
    public static ApiKey fromEnvironment(String variable, UnaryOperator<String> environment) {
        String value = environment.apply(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("api key: environment variable '" + variable + "' is not set");
        }
        return new ApiKey(value.trim(), "environment variable " + variable);
    }

    /** The key held by a file, e.g. a mounted Kubernetes secret; surrounding whitespace is dropped. */
    public static ApiKey fromFile(java.nio.file.Path file) {
        String value;
        try {
            value = java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(
                    "api key: cannot read file " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException("api key: file " + file + " is empty");
        }
        return new ApiKey(value.trim(), "file " + file);
    }

    public static ApiKey of(String value, String source) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("api key from " + source + " is empty");
        }
        return new ApiKey(value, source);
    }

    /** The key itself, for the client's Authorization header only. */
    public String reveal() {
        return value;
    }

    /** Where the key came from, safe to log. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "ApiKey[***, from " + source + "]";
    }
}
