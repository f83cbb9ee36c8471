package io.penguin.models.endpoint;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * One named model endpoint: where it is, which model, its limits and its retry budget. Framework-free; the services
 * build it from {@code penguin.models.endpoints.<name>.*}.
 *
 * @param name the name runs use, e.g. {@code gpt-4o-mini}
 * @param provider {@code openai} (any OpenAI-compatible server: OpenAI, Azure OpenAI, vLLM, Ollama, llama.cpp, LM
 *     Studio)
 * @param baseUrl the API root, e.g. {@code https://api.openai.com/v1}
 * @param model the model id sent to the endpoint
 * @param apiKey the key (prints as {@code ***})
 * @param concurrency the most calls in flight at once; the adaptive limit moves between 1 and this
 * @param requestsPerMinute calls started per minute, 0 for no limit
 * @param tokensPerMinute prompt plus completion tokens per minute (estimated before the call), 0 for no limit
 * @param timeout the limit of one attempt
 * @param maxRetries attempts after the first one for a transient failure
 * @param initialBackoff the first retry's delay; each next one doubles, up to {@code maxBackoff}, with full jitter
 * @param maxBackoff the longest delay between attempts that backoff chooses ({@code Retry-After} may ask for more)
 * @param maxRetryAfter the longest {@code Retry-After} honoured; a longer one fails the call
 * @param rateLimitWait the longest a call waits for its rpm/tpm permit before it fails
 * @param circuitFailures consecutive failed attempts that open the circuit
 * @param circuitOpenFor how long an open circuit rejects calls before it lets one through
 * @param temperature sampling temperature sent with every call, or null for the endpoint's default
 * @param maxTokens completion token limit sent with every call, or null for none
 * @param seed sampling seed sent with every call, or null for none
 * @param promptPricePerMillion price of one million prompt tokens, or null when unknown
 * @param completionPricePerMillion price of one million completion tokens, or null when unknown
 * @param jsonSchemaSupported whether the endpoint honours {@code response_format} with a JSON schema
 */
public record EndpointSettings(
        String name,
        String provider,
        String baseUrl,
        String model,
        ApiKey apiKey,
        int concurrency,
        int requestsPerMinute,
        int tokensPerMinute,
        Duration timeout,
        int maxRetries,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration maxRetryAfter,
        Duration rateLimitWait,
        int circuitFailures,
        Duration circuitOpenFor,
        Double temperature,
        Integer maxTokens,
        Integer seed,
        BigDecimal promptPricePerMillion,
        BigDecimal completionPricePerMillion,
        boolean jsonSchemaSupported) {

    public static final String OPENAI = "openai";

    public EndpointSettings {
        require(name != null && !name.isBlank(), name, "name", "is empty");
        require(OPENAI.equals(provider), name, "provider", "'" + provider + "' is not supported (supported: openai)");
        require(
                baseUrl != null && (baseUrl.startsWith("http://") || baseUrl.startsWith("https://")),
                name,
                "base-url",
                "'" + baseUrl + "' is not an http(s) URL");
        require(model != null && !model.isBlank(), name, "model", "is empty");
        Objects.requireNonNull(apiKey, "apiKey");
        require(concurrency >= 1, name, "concurrency", "must be at least 1, was " + concurrency);
        require(requestsPerMinute >= 0, name, "rpm", "must be 0 (no limit) or more, was " + requestsPerMinute);
        require(tokensPerMinute >= 0, name, "tpm", "must be 0 (no limit) or more, was " + tokensPerMinute);
        require(positive(timeout), name, "timeout", "must be positive");
        require(maxRetries >= 0, name, "max-retries", "must be 0 or more, was " + maxRetries);
        require(positive(initialBackoff), name, "initial-backoff", "must be positive");
        require(
                positive(maxBackoff) && maxBackoff.compareTo(initialBackoff) >= 0,
                name,
                "max-backoff",
                "must be at least initial-backoff");
        require(positive(maxRetryAfter), name, "max-retry-after", "must be positive");
        require(positive(rateLimitWait), name, "rate-limit-wait", "must be positive");
        require(circuitFailures >= 1, name, "circuit-failures", "must be at least 1, was " + circuitFailures);
        require(positive(circuitOpenFor), name, "circuit-open-for", "must be positive");
    }

    /** Settings with the defaults for everything but where the endpoint is. */
    public static Builder builder(String name, String baseUrl, String model) {
        return new Builder(name, baseUrl, model);
    }

    private static boolean positive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }

    private static void require(boolean condition, String name, String property, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("model endpoint '" + name + "': " + property + " " + problem);
        }
    }

    /** Defaults: concurrency 8, no rate limits, 60 s timeout, 4 retries from 500 ms to 30 s, circuit 5 / 30 s. */
    public static final class Builder {
        private final String name;
        private final String baseUrl;
        private final String model;
        private String provider = OPENAI;
        private ApiKey apiKey = ApiKey.NONE;
        private int concurrency = 8;
        private int requestsPerMinute;
        private int tokensPerMinute;
        private Duration timeout = Duration.ofSeconds(60);
        private int maxRetries = 4;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Duration maxRetryAfter = Duration.ofSeconds(120);
        private Duration rateLimitWait = Duration.ofMinutes(5);
        private int circuitFailures = 5;
        private Duration circuitOpenFor = Duration.ofSeconds(30);
        private Double temperature;
        private Integer maxTokens;
        private Integer seed;
        private BigDecimal promptPrice;
        private BigDecimal completionPrice;
        private boolean jsonSchema = true;

        private Builder(String name, String baseUrl, String model) {
            this.name = name;
            this.baseUrl = baseUrl;
            this.model = model;
        }

        public Builder provider(String provider) {
            this.provider = provider;
            return this;
        }

        public Builder apiKey(ApiKey apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        public Builder concurrency(int concurrency) {
            this.concurrency = concurrency;
            return this;
        }

        public Builder requestsPerMinute(int rpm) {
            this.requestsPerMinute = rpm;
            return this;
        }

        public Builder tokensPerMinute(int tpm) {
            this.tokensPerMinute = tpm;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = maxRetryAfter;
            return this;
        }

        public Builder rateLimitWait(Duration rateLimitWait) {
            this.rateLimitWait = rateLimitWait;
            return this;
        }

        public Builder circuit(int failures, Duration openFor) {
            this.circuitFailures = failures;
            this.circuitOpenFor = openFor;
            return this;
        }

        public Builder temperature(Double temperature) {
            this.temperature = temperature;
            return this;
        }

        public Builder maxTokens(Integer maxTokens) {
            this.maxTokens = maxTokens;
            return this;
        }

        public Builder seed(Integer seed) {
            this.seed = seed;
            return this;
        }

        public Builder prices(BigDecimal promptPerMillion, BigDecimal completionPerMillion) {
            this.promptPrice = promptPerMillion;
            this.completionPrice = completionPerMillion;
            return this;
        }

        public Builder jsonSchemaSupported(boolean supported) {
            this.jsonSchema = supported;
            return this;
        }

        public EndpointSettings build() {
            return new EndpointSettings(
                    name,
                    provider,
                    baseUrl,
                    model,
                    apiKey,
                    concurrency,
                    requestsPerMinute,
                    tokensPerMinute,
                    timeout,
                    maxRetries,
                    initialBackoff,
                    maxBackoff,
                    maxRetryAfter,
                    rateLimitWait,
                    circuitFailures,
                    circuitOpenFor,
                    temperature,
                    maxTokens,
                    seed,
                    promptPrice,
                    completionPrice,
                    jsonSchema);
        }
    }
}
