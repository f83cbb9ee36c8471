package io.penguin.embedded;

/**
 * The JVM's shared broker and database, registered in the platform MBean server by the class loader that started
 * them; a shutdown hook stops them if nobody did before the JVM exits.
 */
final class SharedInfrastructure implements SharedInfrastructureMBean {

    /** The infrastructure this class loader started and registered, if it did. */
    static EmbeddedInfrastructure startedHere;

    private final EmbeddedInfrastructure infrastructure;
    private final Thread hook;

    SharedInfrastructure(EmbeddedInfrastructure infrastructure) {
        this.infrastructure = infrastructure;
        this.hook = new Thread(infrastructure::close, "penguin-embedded-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        startedHere = infrastructure;
    }

    @Override
    public String getBootstrapServers() {
        return infrastructure.kafka().bootstrapServers();
    }

    @Override
    public int getPostgresPort() {
        return infrastructure.postgres().port();
    }

    @Override
    public void stop() {
        if (startedHere == infrastructure) {
            startedHere = null;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook stops it
            return;
        }
        infrastructure.close();
    }
}
