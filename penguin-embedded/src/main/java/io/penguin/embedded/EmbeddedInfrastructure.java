package io.penguin.embedded;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CompletableFuture;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** The broker and the database together, started in parallel; what the launcher and the tests stand on. */
public final class EmbeddedInfrastructure implements AutoCloseable {

    /**
     * Where the JVM's shared infrastructure is registered. A {@code @QuarkusTest} loads this class in Quarkus's test
     * class loader (a new one per test profile), JUnit's session listener in the application class loader: a static
     * field would be one copy per loader, so a listener's {@link #closeShared()} saw nothing to stop and the broker ran
     * on until the JVM's shutdown hooks, where Kafka's own temp-directory hook could delete its log directories under
     * it (the broker then halts the JVM with status 1, which Surefire reports as "Error occurred in starting fork"
     * after every test passed). The platform MBean server is the JVM's one registry that every loader sees, and JMX
     * speaks JDK types only. (System properties are no place for it: libraries such as Narayana expect every value
     * there to be a string.)
     */
    private static final String SHARED_NAME = "io.penguin.embedded:type=SharedInfrastructure";

    /** A string literal is one object in the whole JVM, whatever loader: the lock every loader agrees on. */
    private static final String SHARED_LOCK = "io.penguin.embedded.SharedInfrastructure.lock";

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
        synchronized (SHARED_LOCK) {
            MBeanServer jvm = ManagementFactory.getPlatformMBeanServer();
            try {
                ObjectName name = new ObjectName(SHARED_NAME);
                if (!jvm.isRegistered(name)) {
                    jvm.registerMBean(new SharedInfrastructure(start()), name);
                }
                return new SharedEndpoints((String) jvm.getAttribute(name, "BootstrapServers"), (Integer)
                        jvm.getAttribute(name, "PostgresPort"));
            } catch (JMException e) {
                throw new IllegalStateException("cannot share the embedded infrastructure: " + e.getMessage(), e);
            }
        }
    }

    /**
     * The shared infrastructure itself, for callers in the class loader that started it (plain JUnit tests); other
     * loaders use {@link #sharedEndpoints()}.
     */
    public static EmbeddedInfrastructure shared() {
        sharedEndpoints();
        synchronized (SHARED_LOCK) {
            EmbeddedInfrastructure mine = SharedInfrastructure.startedHere;
            if (mine == null) {
                throw new IllegalStateException("the shared infrastructure was started by another class loader: use"
                        + " EmbeddedInfrastructure.sharedEndpoints()");
            }
            return mine;
        }
    }

    /** Stops the shared infrastructure if any loader started it; the next caller starts a new one. */
    public static void closeShared() {
        synchronized (SHARED_LOCK) {
            MBeanServer jvm = ManagementFactory.getPlatformMBeanServer();
            try {
                ObjectName name = new ObjectName(SHARED_NAME);
                if (jvm.isRegistered(name)) {
                    jvm.invoke(name, "stop", new Object[0], new String[0]);
                    jvm.unregisterMBean(name);
                }
            } catch (JMException e) {
                throw new IllegalStateException("cannot stop the shared infrastructure: " + e.getMessage(), e);
            }
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
