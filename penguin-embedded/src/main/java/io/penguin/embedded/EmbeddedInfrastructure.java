package io.penguin.embedded;

/** The broker and the database together, started in parallel; what the launcher and the tests stand on. */
public final class EmbeddedInfrastructure implements AutoCloseable {

    private static EmbeddedInfrastructure shared;

    private final EmbeddedKafka kafka;
    private final EmbeddedPostgres postgres;

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
     * One broker and one database per JVM, stopped when the JVM exits: test classes share them instead of each
     * paying for a start.
     */
    public static synchronized EmbeddedInfrastructure shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "penguin-embedded-shutdown"));
        }
        return shared;
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public EmbeddedPostgres postgres() {
        return postgres;
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }
}
