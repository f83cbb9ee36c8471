package io.penguin.embedded;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/** The broker and the database together, started in parallel; what the launcher and the tests stand on. */
public final class EmbeddedInfrastructure implements AutoCloseable {

    /**
     * Where the JVM's shared infrastructure is held. A {@code @QuarkusTest} loads this class in Quarkus's test class
     * loader (a new one per test profile), JUnit's session listener in the application class loader: a static field
     * would be one copy per loader, so a listener's {@link #closeShared()} saw nothing to stop and the broker ran on
     * until the JVM's shutdown hooks, where Kafka's own temp-directory hook could delete its log directories under
     * it (the broker then halts the JVM with status 1, which Surefire reports as "Error occurred in starting fork"
     * after every test passed). System properties are the one map every loader shares; what is kept there uses JDK
     * types only.
     */
    private static final String SHARED = "io.penguin.embedded.shared";

    private static final String SHARED_LOCK = "io.penguin.embedded.shared.lock";

    private final EmbeddedKafka kafka;
    private final EmbeddedPostgres postgres;
    private boolean closed;

    private EmbeddedInfrastructure(EmbeddedKafka kafka, EmbeddedPostgres postgres) {
        this.kafka = kafka;
        this.postgres = postgres;
    }

    public static EmbeddedInfrastructure start() {
        var postgresStart = CompletableFuture.supplyAsync(EmbeddedPostgres::start);
        EmbeddedKafka kafka = EmbeddedKafka.start();
        try {
            return new EmbeddedInfrastructure(kafka, postgresStart.join());
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    /**
     * Where the JVM's one shared broker and database listen, started by the first caller in any class loader. Test
     * classes share them instead of each paying for a start; {@link SharedInfrastructureSession} stops them when the
     * JUnit session ends, and a shutdown hook covers any other exit.
     */
    public static SharedEndpoints sharedEndpoints() {
        Map<?, ?> held = held();
        return new SharedEndpoints((String) held.get("bootstrapServers"), (Integer) held.get("postgresPort"));
    }

    /**
     * The shared infrastructure itself, for callers in the class loader that started it (plain JUnit tests); other
     * loaders use {@link #sharedEndpoints()}.
     */
    public static EmbeddedInfrastructure shared() {
        if (held().get("instance") instanceof EmbeddedInfrastructure mine) {
            return mine;
        }
        throw new IllegalStateException("the shared infrastructure was started by another class loader: use"
                + " EmbeddedInfrastructure.sharedEndpoints()");
    }

    /** Stops the shared infrastructure if any loader started it; the next caller starts a new one. */
    public static void closeShared() {
        Object held;
        synchronized (lock()) {
            held = System.getProperties().remove(SHARED);
        }
        if (held instanceof Map<?, ?> entry && entry.get("stop") instanceof Runnable stop) {
            stop.run();
        }
    }

    private static Map<?, ?> held() {
        Properties jvm = System.getProperties();
        // Not synchronized on the Properties themselves: starting takes seconds, and the broker's own threads read
        // system properties meanwhile.
        synchronized (lock()) {
            if (jvm.get(SHARED) instanceof Map<?, ?> existing) {
                return existing;
            }
            EmbeddedInfrastructure started = start();
            Thread hook = new Thread(started::close, "penguin-embedded-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            Runnable stop = () -> {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // the JVM is already shutting down: the hook stops it
                    return;
                }
                started.close();
            };
            Map<String, Object> entry = Map.of(
                    "instance",
                    started,
                    "bootstrapServers",
                    started.kafka().bootstrapServers(),
                    "postgresPort",
                    started.postgres().port(),
                    "stop",
                    stop);
            jvm.put(SHARED, entry);
            return entry;
        }
    }

    private static Object lock() {
        Properties jvm = System.getProperties();
        jvm.putIfAbsent(SHARED_LOCK, new Object());
        return jvm.get(SHARED_LOCK);
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public EmbeddedPostgres postgres() {
        return postgres;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }

    /**
     * Where the shared broker and database listen, in JDK types, so any class loader can use them.
     *
     * @param bootstrapServers the broker's {@code bootstrap.servers}
     * @param postgresPort the PostgreSQL server's port on localhost
     */
    public record SharedEndpoints(String bootstrapServers, int postgresPort) {

        public String jdbcUrl(String database) {
            return EmbeddedPostgres.jdbcUrl(postgresPort, database);
        }
    }
}
