package io.penguin.models.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.penguin.core.Attribute;
import io.penguin.embedded.EmbeddedPostgres;
import io.penguin.fakellm.FakeLlmServer;
import io.penguin.models.AnswerRequest;
import io.penguin.models.ModelRegistry;
import io.penguin.models.ModelReply;
import io.penguin.models.endpoint.ChatCall;
import io.penguin.models.endpoint.EndpointObserver;
import io.penguin.models.endpoint.EndpointSettings;
import io.penguin.models.llm.CallAccounting;
import io.penguin.models.llm.CallRecord;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cache keyed by the full request, in a real PostgreSQL, against the fake server over real HTTP. */
class CallCacheTest {

    private static EmbeddedPostgres postgres;
    private static DataSource database;
    private final FakeLlmServer fake = FakeLlmServer.start();

    @BeforeAll
    static void startDatabase() {
        postgres = EmbeddedPostgres.start();
        database = postgres.dataSource("postgres");
    }

    @AfterAll
    static void stopDatabase() {
        postgres.close();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    /** What a service builds at start: a registry with its endpoints and a cache on the shared database. */
    private ModelRegistry start(List<CallRecord> records) {
        EndpointSettings settings = EndpointSettings.builder("cached-llm", fake.baseUrl(), "m")
                .seed(7)
                .build();
        return ModelRegistry.withEndpoints(
                List.of(settings), new JdbcCallCache(database), records::add, EndpointObserver.NONE, 1);
    }

    @Test
    void servicesStartingTogetherOnTheSharedDatabaseAllGetTheTable() throws Exception {
        try (var connection = database.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + JdbcCallCache.TABLE);
        }
        int services = 6;
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(services);
        java.util.concurrent.ExecutorService starting = java.util.concurrent.Executors.newFixedThreadPool(services);
        try {
            List<java.util.concurrent.Future<JdbcCallCache>> started = new java.util.ArrayList<>();
            for (int i = 0; i < services; i++) {
                started.add(starting.submit(() -> {
                    together.await();
                    return new JdbcCallCache(database);
                }));
            }
            for (java.util.concurrent.Future<JdbcCallCache> cache : started) {
                assertThat(cache.get(1, java.util.concurrent.TimeUnit.MINUTES)).isNotNull();
            }
        } finally {
            starting.shutdownNow();
        }
        try (var connection = database.getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT count(*) FROM " + JdbcCallCache.TABLE)) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isZero();
        }
    }

    @Test
    void hitsTheCacheAfterARestartAndAcrossReplicas() {
        AnswerRequest request = new AnswerRequest("How do I cope?", Map.of(Attribute.AGE, "19"));
        List<CallRecord> first = new CopyOnWriteArrayList<>();
        ModelReply original = start(first).target("cached-llm").answer(request);
        assertThat(fake.requests()).isEqualTo(1);

        List<CallRecord> second = new CopyOnWriteArrayList<>();
        ModelRegistry restarted = start(second);
        ModelReply replayed = restarted.target("cached-llm").answer(request);
        ModelReply other =
                restarted.target("cached-llm").answer(new AnswerRequest("How do I cope?", Map.of(Attribute.AGE, "20")));

        assertThat(replayed.text()).isEqualTo(original.text());
        assertThat(fake.requests()).as("the replay did not reach the endpoint").isEqualTo(2);
        assertThat(first)
                .singleElement()
                .satisfies(record -> assertThat(record.result().cached()).isFalse());
        assertThat(second).extracting(record -> record.result().cached()).containsExactly(true, false);
        assertThat(replayed.usage().promptTokens()).isEqualTo(original.usage().promptTokens());
    }

    @Test
    void keyCoversModelMessagesParametersAndSeed() {
        EndpointSettings base = EndpointSettings.builder("e", "http://127.0.0.1:1/v1", "m")
                .seed(1)
                .build();
        ChatCall call = ChatCall.of("system", "user");
        CacheKey key = CacheKey.of(base, call);

        assertThat(CacheKey.of(base, ChatCall.of("system", "user"))).isEqualTo(key);
        assertThat(CacheKey.of(base, ChatCall.of("system", "user!"))).isNotEqualTo(key);
        assertThat(CacheKey.of(base, ChatCall.of("system user", ""))).isNotEqualTo(key);
        assertThat(CacheKey.of(
                        EndpointSettings.builder("e", "http://127.0.0.1:1/v1", "m")
                                .seed(2)
                                .build(),
                        call))
                .isNotEqualTo(key);
        assertThat(CacheKey.of(
                        EndpointSettings.builder("e", "http://127.0.0.1:1/v1", "m2")
                                .seed(1)
                                .build(),
                        call))
                .isNotEqualTo(key);
        assertThat(CacheKey.of(
                        EndpointSettings.builder("e", "http://127.0.0.1:1/v1", "m")
                                .seed(1)
                                .temperature(0.7)
                                .build(),
                        call))
                .isNotEqualTo(key);
        assertThat(key.sha256()).hasSize(64);
    }

    @Test
    void accountsCostFromConfiguredPrices() {
        List<CallRecord> records = new CopyOnWriteArrayList<>();
        EndpointSettings priced = EndpointSettings.builder("priced", fake.baseUrl(), "m")
                .prices(new java.math.BigDecimal("2.50"), new java.math.BigDecimal("10"))
                .build();
        ModelRegistry registry = ModelRegistry.withEndpoints(
                List.of(priced), CallCache.NONE, (CallAccounting) records::add, EndpointObserver.NONE, 1);

        ModelReply reply = registry.target("priced").answer(new AnswerRequest("one two three", Map.of()));

        CallRecord record = records.get(0);
        java.math.BigDecimal expected = new java.math.BigDecimal("2.50")
                .multiply(java.math.BigDecimal.valueOf(reply.usage().promptTokens()))
                .add(java.math.BigDecimal.TEN.multiply(
                        java.math.BigDecimal.valueOf(reply.usage().completionTokens())))
                .divide(java.math.BigDecimal.valueOf(1_000_000));
        assertThat(record.cost()).isEqualByComparingTo(expected);
        assertThat(record.role()).isEqualTo("target");
        assertThat(record.endpoint()).isEqualTo("priced");
        assertThat(reply.usage().cost())
                .as("the usage carried to reports has the same cost")
                .isCloseTo(expected.doubleValue(), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void usageCostIsUnknownWithoutAPriceAndZeroForTheReferenceModels() {
        EndpointSettings unpriced =
                EndpointSettings.builder("unpriced", fake.baseUrl(), "m").build();
        ModelRegistry registry = ModelRegistry.withEndpoints(
                List.of(unpriced), CallCache.NONE, CallAccounting.NONE, EndpointObserver.NONE, 1);

        ModelReply reply = registry.target("unpriced").answer(new AnswerRequest("one two three", Map.of()));
        ModelReply reference = registry.target("reference").answer(new AnswerRequest("one two three", Map.of()));

        assertThat(reply.usage().cost())
                .as("no price configured: unknown, not free")
                .isNull();
        assertThat(reference.usage().cost()).isZero();
    }
}
