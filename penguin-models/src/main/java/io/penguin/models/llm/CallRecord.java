package io.penguin.models.llm;

import io.penguin.models.endpoint.ChatResult;
import java.math.BigDecimal;

/**
 * One model call for the accounting: which endpoint, in which role, what it cost. No prompt, no reply text.
 *
 * @param endpoint the endpoint name
 * @param role {@code target}, {@code judge}, {@code user-simulator}, {@code planner} or {@code agent}
 * @param result tokens, latency, attempts and whether it was a cache hit (its text is not kept)
 * @param cost from the configured prices; zero for cache hits and endpoints without a price
 */
public record CallRecord(String endpoint, String role, ChatResult result, BigDecimal cost) {}
