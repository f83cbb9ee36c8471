package io.penguin.service.models;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.micrometer.core.instrument.MeterRegistry;
import io.penguin.models.ModelRegistry;
import io.penguin.models.cache.CallCache;
import io.penguin.models.cache.InMemoryCallCache;
import io.penguin.models.cache.JdbcCallCache;
import io.penguin.models.endpoint.ApiKey;
import io.penguin.models.endpoint.EndpointSettings;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one model registry of a service: the offline reference models always, plus the endpoints configured under
 * {@code penguin.models.endpoints}, with the cache and the accounting that reports to the metrics.
 */
@Singleton
public class ModelRegistryProducer {

    private final ModelsConfig config;
    private final MeterRegistry meters;
    private AgroalDataSource cacheDatabase;

    public ModelRegistryProducer(ModelsConfig config, MeterRegistry meters) {
        this.config = config;
        this.meters = meters;
    }

    @Produces
    @Singleton
    ModelRegistry modelRegistry() {
        List<EndpointSettings> endpoints = endpoints(config, System::getenv);
        ModelMetrics metrics = new ModelMetrics(meters);
        ModelRegistry registry = ModelRegistry.withEndpoints(
                endpoints, cache(), metrics, metrics, config.judgeReasks(), config.agentReasks());
        registry.bind("judge", config.roles().judge());
        registry.bind("user-simulator", config.roles().userSimulator());
        registry.bind("agent", config.roles().agent());
        metrics.watch(registry);
        for (EndpointSettings endpoint : endpoints) {
            Log.infof(
                    "model endpoint %s: %s model %s at %s, concurrency %d, key from %s",
                    endpoint.name(),
                    endpoint.provider(),
                    endpoint.model(),
                    endpoint.baseUrl(),
                    endpoint.concurrency(),
                    endpoint.apiKey().source());
        }
        return registry;
    }

    static List<EndpointSettings> endpoints(ModelsConfig config, java.util.function.UnaryOperator<String> env) {
        List<EndpointSettings> endpoints = new ArrayList<>();
        for (Map.Entry<String, ModelsConfig.Endpoint> entry : config.endpoints().entrySet()) {
            ModelsConfig.Endpoint endpoint = entry.getValue();
            String name = entry.getKey();
            ApiKey key;
            try {
                key = endpoint.apiKeyEnv()
                        .map(variable -> ApiKey.fromEnvironment(variable, env))
                        .or(() -> endpoint.apiKeyFile().map(ApiKey::fromFile))
                        .orElse(ApiKey.NONE);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("model endpoint '" + name + "': " + e.getMessage(), e);
            }
            endpoints.add(EndpointSettings.builder(name, endpoint.baseUrl(), endpoint.model())
                    .provider(endpoint.provider())
                    .apiKey(key)
                    .concurrency(endpoint.concurrency())
                    .requestsPerMinute(endpoint.rpm())
                    .tokensPerMinute(endpoint.tpm())
                    .timeout(endpoint.timeout())
                    .maxRetries(endpoint.maxRetries())
                    .backoff(endpoint.initialBackoff(), endpoint.maxBackoff())
                    .maxRetryAfter(endpoint.maxRetryAfter())
                    .rateLimitWait(endpoint.rateLimitWait())
                    .circuit(endpoint.circuitFailures(), endpoint.circuitOpenFor())
                    .temperature(endpoint.temperature().orElse(null))
                    .maxTokens(
                            endpoint.maxTokens().isPresent()
                                    ? endpoint.maxTokens().getAsInt()
                                    : null)
                    .seed(endpoint.seed().isPresent() ? endpoint.seed().getAsInt() : null)
                    .prices(
                            endpoint.promptPricePerMillion().orElse(null),
                            endpoint.completionPricePerMillion().orElse(null))
                    .jsonSchemaSupported(endpoint.jsonSchema())
                    .build());
        }
        return endpoints;
    }

    private CallCache cache() {
        ModelsConfig.Cache cache = config.cache();
        if (!cache.enabled()) {
            Log.info("model call cache: disabled");
            return CallCache.NONE;
        }
        if (cache.jdbcUrl().isEmpty()) {
            Log.info("model call cache: in memory (set penguin.models.cache.jdbc-url to persist and share it)");
            return new InMemoryCallCache();
        }
        try {
            cacheDatabase = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(pool -> pool.maxSize(cache.maxConnections())
                            .connectionFactoryConfiguration(
                                    factory -> factory.jdbcUrl(cache.jdbcUrl().get())
                                            .principal(new NamePrincipal(cache.username()))
                                            .credential(new SimplePassword(cache.password())))));
        } catch (SQLException e) {
            throw new IllegalStateException("model call cache: cannot open the pool: " + e.getMessage(), e);
        }
        Log.infof("model call cache: PostgreSQL at %s", cache.jdbcUrl().get());
        return new JdbcCallCache(cacheDatabase);
    }

    @PreDestroy
    void close() {
        if (cacheDatabase != null) {
            cacheDatabase.close();
        }
    }
}
