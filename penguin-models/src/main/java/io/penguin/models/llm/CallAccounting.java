package io.penguin.models.llm;

/** Receives every model call made through {@link ModelCalls}: metrics, ledgers. */
@FunctionalInterface
public interface CallAccounting {

    CallAccounting NONE = record -> {};

    void record(CallRecord record);
}
