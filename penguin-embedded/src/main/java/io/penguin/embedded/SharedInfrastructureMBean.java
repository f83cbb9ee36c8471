package io.penguin.embedded;

/** The shared infrastructure as every class loader of the JVM sees it, through JMX: JDK types only. */
public interface SharedInfrastructureMBean {

    String getBootstrapServers();

    int getPostgresPort();

    /** Stops the broker and the database; the shutdown hook is no longer needed then. */
    void stop();
}
