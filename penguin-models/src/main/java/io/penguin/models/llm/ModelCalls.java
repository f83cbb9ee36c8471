package io.penguin.models.llm;

import io.penguin.contracts.ModelUsage;
import io.penguin.models.cache.CacheKey;
import io.penguin.models.cache.CallCache;
import io.penguin.models.endpoint.ChatCall;
import io.penguin.models.endpoint.ChatResult;
import io.penguin.models.endpoint.ModelEndpoint;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The way a role reaches an endpoint: the cache first, then the endpoint with its limits; every call is reported
 * to the accounting with its role, tokens, latency and cost.
 */
public final class ModelCalls {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private final ModelEndpoint endpoint;
    private final CallCache cache;
    private final CallAccounting accounting;

    public ModelCalls(ModelEndpoint endpoint, CallCache cache, CallAccounting accounting) {
        this.endpoint = endpoint;
        this.cache = cache;
        this.accounting = accounting;
    }

    public ModelEndpoint endpoint() {
        return endpoint;
    }

    /** A call whose every successful reply may be cached. */
    public ChatResult chat(String role, ChatCall call) {
        return chat(role, call, result -> true);
    }

    /** A call whose reply is cached only when {@code cacheable} accepts it (e.g. a judge reply that parses). */
    public ChatResult chat(String role, ChatCall call, Predicate<ChatResult> cacheable) {
        return cachedOrCalled(role, call, cacheable, hit -> {}, () -> endpoint.chat(call));
    }

    /**
     * A streamed call: the cache first (a hit is relayed as one piece), then the endpoint's stream; a complete reply
     * is cached like {@link #chat(String, ChatCall)}'s.
     */
    public ChatResult stream(String role, ChatCall call, Consumer<String> deltas) {
        return cachedOrCalled(
                role, call, result -> true, hit -> deltas.accept(hit.text()), () -> endpoint.stream(call, deltas));
    }

    /**
     * The one path of every call: a cache hit is accounted at no cost and handed to {@code onHit}; otherwise the
     * endpoint is called, its reply cached when {@code cacheable} accepts it, and accounted at its price.
     */
    private ChatResult cachedOrCalled(
            String role,
            ChatCall call,
            Predicate<ChatResult> cacheable,
            Consumer<ChatResult> onHit,
            Supplier<ChatResult> called) {
        CacheKey key = CacheKey.of(endpoint.settings(), call);
        Optional<ChatResult> hit = cache.get(key);
        if (hit.isPresent()) {
            ChatResult cached = hit.get().asCached();
            accounting.record(new CallRecord(endpoint.name(), role, cached, BigDecimal.ZERO));
            onHit.accept(cached);
            return cached;
        }
        ChatResult result = called.get();
        if (cacheable.test(result)) {
            cache.put(key, endpoint.name(), result);
        }
        accounting.record(new CallRecord(endpoint.name(), role, result, cost(result)));
        return result;
    }

    /** A call's usage as a reply carries it: the endpoint's name and provider, latency, tokens and cost. */
    public ModelUsage usage(ChatResult result) {
        return new ModelUsage(
                endpoint.name(),
                endpoint.settings().provider(),
                result.latencyMillis(),
                result.promptTokens(),
                result.completionTokens(),
                usageCost(result));
    }

    /** A call that got no reply: its wait, no tokens, nothing billed (unknown when the endpoint has no price). */
    public ModelUsage failedCallUsage(long latencyMillis) {
        return new ModelUsage(
                endpoint.name(), endpoint.settings().provider(), latencyMillis, 0, 0, priced() ? 0.0 : null);
    }

    /**
     * What a call cost for its {@code ModelUsage}: {@code null} when the endpoint has no price configured (unknown,
     * not free), {@code 0} for a cache hit, else the priced tokens in the endpoint's price units.
     */
    public Double usageCost(ChatResult result) {
        if (!priced()) {
            return null;
        }
        return result.cached() ? 0.0 : cost(result).doubleValue();
    }

    /** Whether the endpoint has a price configured, i.e. whether its costs are known. */
    public boolean priced() {
        return endpoint.settings().promptPricePerMillion() != null
                || endpoint.settings().completionPricePerMillion() != null;
    }

    /** Cost of a call from the configured prices; zero when no price is configured. */
    BigDecimal cost(ChatResult result) {
        BigDecimal prompt = endpoint.settings().promptPricePerMillion();
        BigDecimal completion = endpoint.settings().completionPricePerMillion();
        BigDecimal cost = BigDecimal.ZERO;
        if (prompt != null) {
            cost = cost.add(prompt.multiply(BigDecimal.valueOf(result.promptTokens())));
        }
        if (completion != null) {
            cost = cost.add(completion.multiply(BigDecimal.valueOf(result.completionTokens())));
        }
        return cost.divide(MILLION, MathContext.DECIMAL64);
    }
}
