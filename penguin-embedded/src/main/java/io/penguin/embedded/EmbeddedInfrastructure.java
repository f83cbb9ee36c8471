package io.penguin.embedded;

/** The broker and the database together, started in parallel; what the launcher and the tests stand on. */
public final class EmbeddedInfrastructure implements AutoCloseable {

    private static EmbeddedInfrastructure shared;

    private final EmbeddedKafka kafka;
    private final EmbeddedPostgres postgres;
    private Thread shutdownHook;
    private boolean closed;

    private EmbeddedInfrastructure(EmbeddedKafka kafka, EmbeddedPostgres postgres) {
        this.kafka = kafka;
        this.postgres = postgres;
    }

    public static EmbeddedInfrastructure start() {
        var postgresStart = java.util.concurrent.CompletableFuture.supplyAsync(EmbeddedPostgres::start);
        EmbeddedKafka kafka = EmbeddedKafka.start();
        try {
            return new EmbeddedInfrastructure(kafka, postgresStart.join());
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    /**
     * One broker and one database per JVM: test classes share them instead of each paying for a start. Under JUnit,
     * {@link SharedInfrastructureSession} stops them when the test session ends; a shutdown hook covers any other
     * exit.
     */
    public static synchronized EmbeddedInfrastructure shared() {
        if (shared == null) {
            EmbeddedInfrastructure started = start();
            started.shutdownHook = new Thread(started::close, "penguin-embedded-shutdown");
            Runtime.getRuntime().addShutdownHook(started.shutdownHook);
            shared = started;
        }
        return shared;
    }

    /** Stops the shared infrastructure if it was started; the next {@link #shared()} starts a new one. */
    public static synchronized void closeShared() {
        if (shared != null) {
            EmbeddedInfrastructure closing = shared;
            shared = null;
            try {
                Runtime.getRuntime().removeShutdownHook(closing.shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook runs anyway
                return;
            }
            closing.close();
        }
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
}
