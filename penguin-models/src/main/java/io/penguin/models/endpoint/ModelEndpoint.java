package io.penguin.models.endpoint;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A named endpoint with its limits: each attempt takes a requests-per-minute permit, tokens-per-minute permits (the
 * prompt estimate plus the completion limit) and a slot of the adaptive concurrency limit, then runs through the
 * endpoint's circuit breaker; transient failures are retried with exponential backoff and full jitter, or after the
 * endpoint's {@code Retry-After}. When the budget is spent the call fails with {@link ModelCallFailedException}:
 * there is no default reply. Policies are Failsafe's; the adaptive limit is {@link AdaptiveConcurrencyLimit}.
 */
public final class ModelEndpoint {

    private final EndpointSettings settings;
    private final ChatBackend backend;
    private final EndpointObserver observer;
    private final AdaptiveConcurrencyLimit concurrency;
    private final RateLimiter<Object> requestsPerMinute;
    private final RateLimiter<Object> tokensPerMinute;
    private final CircuitBreaker<ChatResult> circuit;
    private final FailsafeExecutor<ChatResult> executor;

    public ModelEndpoint(EndpointSettings settings, ChatBackend backend, EndpointObserver observer) {
        this.settings = settings;
        this.backend = backend;
        this.observer = observer;
        String name = settings.name();
        this.concurrency = new AdaptiveConcurrencyLimit(
                settings.concurrency(), limit -> observer.concurrencyLimitChanged(name, limit));
        this.requestsPerMinute = settings.requestsPerMinute() > 0
                ? RateLimiter.smoothBuilder(settings.requestsPerMinute(), Duration.ofMinutes(1))
                        .build()
                : null;
        this.tokensPerMinute = settings.tokensPerMinute() > 0
                ? RateLimiter.burstyBuilder(settings.tokensPerMinute(), Duration.ofMinutes(1))
                        .build()
                : null;
        this.circuit = CircuitBreaker.<ChatResult>builder()
                .handleIf((result, failure) -> failure != null && countsAgainstEndpoint(failure))
                .withFailureThreshold(settings.circuitFailures())
                .withDelay(settings.circuitOpenFor())
                .withSuccessThreshold(1)
                .onOpen(event -> observer.circuitChanged(name, "OPEN"))
                .onHalfOpen(event -> observer.circuitChanged(name, "HALF_OPEN"))
                .onClose(event -> observer.circuitChanged(name, "CLOSED"))
                .build();
        RetryPolicy<ChatResult> retry = RetryPolicy.<ChatResult>builder()
                .handleIf((result, failure) -> failure != null && retryable(failure))
                .abortIf((result, failure) -> failure != null && retryAfterTooLong(failure))
                .withMaxRetries(settings.maxRetries())
                .withDelayFn(context -> delayBefore(context.getAttemptCount(), context.getLastException()))
                .build();
        this.executor = Failsafe.with(retry).compose(circuit);
    }

    public static ModelEndpoint openAi(EndpointSettings settings, EndpointObserver observer) {
        return new ModelEndpoint(settings, new OpenAiChatBackend(settings), observer);
    }

    public EndpointSettings settings() {
        return settings;
    }

    public String name() {
        return settings.name();
    }

    /** {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}. */
    public String circuitState() {
        return circuit.getState().name();
    }

    /** The adaptive concurrency limit now (between 1 and the configured concurrency). */
    public int concurrencyLimit() {
        return concurrency.limit();
    }

    /** Calls the endpoint within its limits and budget; the reply, or {@link ModelCallFailedException}. */
    public ChatResult chat(ChatCall call) {
        return call(call, () -> backend.attempt(call), () -> false);
    }

    /**
     * A streamed call within the same limits, budget and timeout: each piece of the reply goes to {@code deltas} as
     * the endpoint sends it. Failures before the first piece are retried like a complete call's; after it, the call
     * fails at once with a {@link StreamBrokenException} as the cause, since the caller has part of the answer.
     */
    public ChatResult stream(ChatCall call, Consumer<String> deltas) {
        AtomicBoolean relayed = new AtomicBoolean();
        Consumer<String> relay = piece -> {
            relayed.set(true);
            deltas.accept(piece);
        };
        return call(call, () -> backend.stream(call, relay), relayed::get);
    }

    private ChatResult call(ChatCall call, Supplier<ChatResult> backendAttempt, BooleanSupplier relayed) {
        long started = System.nanoTime();
        AtomicInteger attempts = new AtomicInteger();
        try {
            ChatResult result = executor.get(() -> attempt(call, attempts, backendAttempt, relayed));
            long millis = (System.nanoTime() - started) / 1_000_000;
            observer.callFinished(name(), true, millis, attempts.get());
            return result.after(millis, attempts.get());
        } catch (RuntimeException failure) {
            long millis = (System.nanoTime() - started) / 1_000_000;
            observer.callFinished(name(), false, millis, attempts.get());
            throw failed(failure, attempts.get());
        }
    }

    private ChatResult attempt(
            ChatCall call, AtomicInteger attempts, Supplier<ChatResult> backendAttempt, BooleanSupplier relayed)
            throws InterruptedException {
        Duration wait = settings.rateLimitWait();
        if (requestsPerMinute != null && !requestsPerMinute.tryAcquirePermit(wait)) {
            throw new RateLimitWaitException("no requests-per-minute permit within " + wait);
        }
        if (tokensPerMinute != null) {
            int completion = settings.maxTokens() != null ? settings.maxTokens() : 256;
            int tokens = Math.min(settings.tokensPerMinute(), call.estimatedPromptTokens() + completion);
            if (!tokensPerMinute.tryAcquirePermits(tokens, wait)) {
                throw new RateLimitWaitException(
                        "no tokens-per-minute permit for " + tokens + " tokens within " + wait);
            }
        }
        AdaptiveConcurrencyLimit.Permit permit = concurrency.acquire(wait);
        if (permit == null) {
            throw new RateLimitWaitException("no concurrency slot within " + wait);
        }
        int attempt = attempts.incrementAndGet();
        try {
            ChatResult result = backendAttempt.get();
            permit.succeeded();
            return result;
        } catch (RuntimeException thrown) {
            RuntimeException failure = thrown instanceof StreamBrokenException || !relayed.getAsBoolean()
                    ? thrown
                    : new StreamBrokenException(
                            "the stream broke after its first delta (" + Failures.describe(thrown) + ")", thrown, true);
            if (Failures.pushBack(failure)) {
                permit.pushedBack();
            } else {
                permit.failed();
            }
            observer.attemptFailed(name(), attempt, Failures.describe(failure));
            throw failure;
        }
    }

    private static boolean retryable(Throwable failure) {
        return !(failure instanceof CircuitBreakerOpenException)
                && !(failure instanceof StreamBrokenException)
                && !(failure instanceof RateLimitWaitException)
                && Failures.transientFailure(failure);
    }

    private static boolean countsAgainstEndpoint(Throwable failure) {
        if (failure instanceof StreamBrokenException broken) {
            return broken.endpointFault();
        }
        return !(failure instanceof RateLimitWaitException) && Failures.transientFailure(failure);
    }

    private boolean retryAfterTooLong(Throwable failure) {
        return Failures.retryAfter(failure)
                .map(after -> after.compareTo(settings.maxRetryAfter()) > 0)
                .orElse(false);
    }

    /**
     * {@code Retry-After} when the endpoint sent one (plus up to 10% jitter, so waiting clients do not return in
     * step), else exponential backoff with full jitter: a random delay up to initial * 2^(attempt-1), capped.
     */
    private Duration delayBefore(int attemptsSoFar, Throwable failure) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        var retryAfter = failure == null ? java.util.Optional.<Duration>empty() : Failures.retryAfter(failure);
        if (retryAfter.isPresent()) {
            long millis = retryAfter.get().toMillis();
            return Duration.ofMillis(millis + random.nextLong(millis / 10 + 1));
        }
        long base = settings.initialBackoff().toMillis();
        int exponent = Math.min(Math.max(attemptsSoFar - 1, 0), 30);
        long ceiling = Math.min(settings.maxBackoff().toMillis(), base << Math.min(exponent, 20));
        return Duration.ofMillis(random.nextLong(base / 2, Math.max(base / 2 + 1, ceiling + 1)));
    }

    private ModelCallFailedException failed(RuntimeException failure, int attempts) {
        Throwable cause =
                failure instanceof FailsafeException && failure.getCause() != null ? failure.getCause() : failure;
        String reason;
        if (cause instanceof CircuitBreakerOpenException) {
            reason = "circuit open (" + settings.circuitFailures() + " consecutive failures; retried after "
                    + settings.circuitOpenFor() + ")";
        } else if (cause instanceof RateLimitWaitException || cause instanceof StreamBrokenException) {
            reason = cause.getMessage();
        } else if (retryAfterTooLong(cause)) {
            reason = Failures.describe(cause) + " with Retry-After "
                    + Failures.retryAfter(cause).orElseThrow() + " beyond max-retry-after " + settings.maxRetryAfter();
        } else if (!Failures.transientFailure(cause)) {
            reason = Failures.describe(cause) + " (not transient)";
        } else {
            reason = Failures.describe(cause) + ", retry budget of " + settings.maxRetries() + " spent";
        }
        return new ModelCallFailedException(name(), attempts, reason, cause);
    }

    /** No rate-limit permit or concurrency slot came within {@code rate-limit-wait}. */
    static final class RateLimitWaitException extends RuntimeException {
        RateLimitWaitException(String message) {
            super(message);
        }
    }
}
