package io.penguin.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

/**
 * The JVM's shared broker and database, as a {@code @QuarkusTest} run uses them: started from one class loader (Quarkus's
 * test loader) and stopped from another (JUnit's session listener, in the application loader) before the JVM exits.
 */
class SharedInfrastructureTest {

    @Test
    void infrastructureStartedInAnotherClassLoaderIsReusedAndStoppedFromThisOne() throws Exception {
        EmbeddedInfrastructure.closeShared();
        try (URLClassLoader quarkusLike = new OwnCopyLoader()) {
            Class<?> theirs = quarkusLike.loadClass(EmbeddedInfrastructure.class.getName());
            assertThat(theirs).isNotSameAs(EmbeddedInfrastructure.class);
            Object started = theirs.getMethod("sharedEndpoints").invoke(null);
            String bootstrap =
                    (String) started.getClass().getMethod("bootstrapServers").invoke(started);

            EmbeddedInfrastructure.SharedEndpoints seenHere = EmbeddedInfrastructure.sharedEndpoints();
            assertThat(seenHere.bootstrapServers())
                    .as("one broker per JVM, whichever loader asks")
                    .isEqualTo(bootstrap);
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                assertThat(admin.describeCluster().nodes().get()).hasSize(1);
            }
            assertThatThrownBy(EmbeddedInfrastructure::shared).hasMessageContaining("another class loader");

            EmbeddedInfrastructure.closeShared();

            assertThat(accepts(bootstrap))
                    .as("the broker is stopped before the JVM exits")
                    .isFalse();
            assertThat(accepts("localhost:" + seenHere.postgresPort()))
                    .as("the database is stopped too")
                    .isFalse();
        }
    }

    @Test
    void brokerDataLivesInItsOwnDirectoryRemovedOnlyWhenTheBrokerStopped() {
        Path directory;
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            directory = kafka.directory();
            assertThat(directory.getFileName().toString()).startsWith("penguin-kafka-");
            assertThat(Files.isDirectory(directory)).isTrue();
        }
        assertThat(Files.exists(directory)).isFalse();
    }

    private static boolean accepts(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(
                    new InetSocketAddress(
                            hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1))),
                    2_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Loads its own copy of this module's classes, everything else from the application loader, as Quarkus does. */
    private static final class OwnCopyLoader extends URLClassLoader {

        OwnCopyLoader() {
            super(
                    new URL[] {
                        EmbeddedInfrastructure.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                    },
                    SharedInfrastructureTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (name.startsWith("io.penguin.embedded.") && !name.contains("Test")) {
                    Class<?> loaded = findLoadedClass(name);
                    return loaded != null ? loaded : findClass(name);
                }
                return super.loadClass(name, resolve);
            }
        }
    }
}
