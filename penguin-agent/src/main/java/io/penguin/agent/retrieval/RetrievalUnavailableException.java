package io.penguin.agent.retrieval;

/**
 * Retrieval cannot serve: the embedding model failed on a query (e.g. its native tokenizer did not load). Names the
 * failure's kind, never the query.
 */
public class RetrievalUnavailableException extends RuntimeException {

    public RetrievalUnavailableException(Throwable cause) {
        super(
                "policy retrieval is unavailable: the query embedding model failed ("
                        + cause.getClass().getSimpleName() + ")",
                cause);
    }
}
