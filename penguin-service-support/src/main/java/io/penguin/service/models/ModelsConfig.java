package io.penguin.service.models;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The model layer of a service: named endpoints, role bindings, the call cache. */
@ConfigMapping(prefix = "penguin.models")
public interface ModelsConfig {

    /** Named OpenAI-compatible endpoints; each is a target model, an LLM judge and an LLM agent model under its name. */
    Map<String, Endpoint> endpoints();

    /** Which model plays each role besides the targets a run names. */
    Roles roles();

    /** The cache of model calls. */
    Cache cache();

    /** How many times an LLM judge re-asks after an invalid reply before the judgement fails. */
    @WithDefault("2")
    int judgeReasks();

    /**
     * How many times an LLM agent model re-asks after an invalid reply (no JSON, out of range, not a candidate) before
     * the reference policy decides instead.
     */
    @WithDefault("2")
    int agentReasks();

    /** One endpoint. */
    interface Endpoint {

        /** {@code openai}: any OpenAI-compatible server (OpenAI, Azure OpenAI, vLLM, Ollama, llama.cpp, LM Studio). */
        @WithDefault("openai")
        String provider();

        /** The API root, e.g. {@code https://api.openai.com/v1} or {@code http://localhost:11434/v1}. */
        String baseUrl();

        /** The model id sent to the endpoint. */
        String model();

        /** The environment variable holding the API key; none for servers that need no key. */
        Optional<String> apiKeyEnv();

        /** A file holding the API key (a mounted secret); used when api-key-env is unset. */
        Optional<java.nio.file.Path> apiKeyFile();

        /** The most calls in flight; the adaptive limit moves between 1 and this. */
        @WithDefault("8")
        int concurrency();

        /** Requests per minute, 0 for no limit. */
        @WithDefault("0")
        int rpm();

        /** Prompt plus completion tokens per minute (estimated before the call), 0 for no limit. */
        @WithDefault("0")
        int tpm();

        /** The limit of one attempt. */
        @WithDefault("60s")
        Duration timeout();

        /** Attempts after the first for transient failures (429, 5xx, timeouts, malformed replies). */
        @WithDefault("4")
        int maxRetries();

        /** The first retry delay; doubles per retry with full jitter. */
        @WithDefault("500ms")
        Duration initialBackoff();

        /** The longest backoff delay (a Retry-After may ask for more). */
        @WithDefault("30s")
        Duration maxBackoff();

        /** The longest Retry-After honoured; a longer one fails the call. */
        @WithDefault("120s")
        Duration maxRetryAfter();

        /** The longest wait for an rpm/tpm permit or a concurrency slot. */
        @WithDefault("5m")
        Duration rateLimitWait();

        /** Consecutive failed attempts that open the circuit. */
        @WithDefault("5")
        int circuitFailures();

        /** How long an open circuit rejects calls before one probe goes through. */
        @WithDefault("30s")
        Duration circuitOpenFor();

        /** Sampling temperature; the endpoint's default when unset. */
        Optional<Double> temperature();

        /** Completion token limit; none when unset. */
        OptionalInt maxTokens();

        /** Sampling seed; none when unset. */
        OptionalInt seed();

        /** Price of one million prompt tokens; no cost is accounted when unset. */
        Optional<BigDecimal> promptPricePerMillion();

        /** Price of one million completion tokens; no cost is accounted when unset. */
        Optional<BigDecimal> completionPricePerMillion();

        /** Whether the endpoint honours response_format with a JSON schema (else plain JSON mode is asked). */
        @WithDefault("true")
        boolean jsonSchema();
    }

    /** Role bindings by model name. */
    interface Roles {

        /** The judge when a run names none. */
        @WithDefault("reference-judge")
        String judge();

        /** The simulated user the agent questions. */
        @WithDefault("reference-user")
        String userSimulator();

        /**
         * The attribute selector and abstention rule of the agent: {@code reference-selector} (offline) or an endpoint
         * name (its LLM agent model).
         */
        @WithDefault("reference-selector")
        String agent();

        /**
         * The endpoint that writes catalog scenarios when a generation request names no model; the offline generator
         * when unset.
         */
        Optional<String> generator();
    }

    /** The call cache: PostgreSQL when a JDBC URL is set (persistent, shared by replicas), else in memory. */
    interface Cache {

        /** Whether calls are cached at all. */
        @WithDefault("true")
        boolean enabled();

        /** The cache database, e.g. {@code jdbc:postgresql://db:5432/penguin_models}; in memory when unset. */
        Optional<String> jdbcUrl();

        /** The cache database user. */
        @WithDefault("penguin")
        String username();

        /** The cache database password. */
        @WithDefault("penguin")
        String password();

        /** Pooled connections to the cache database. */
        @WithDefault("8")
        int maxConnections();
    }
}
