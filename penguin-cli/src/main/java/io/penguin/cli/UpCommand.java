package io.penguin.cli;

import io.penguin.cli.load.FakeLlmOptions;
import io.penguin.cli.platform.Platform;
import io.penguin.cli.platform.Replicas;
import io.penguin.cli.platform.ServiceSpec;
import io.penguin.fakellm.FakeLlmServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Starts the embedded platform and keeps it running until interrupted: for trying the APIs by hand. */
@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description = "Start embedded Kafka, PostgreSQL and the five services, print their addresses, and keep them"
                + " running until Ctrl-C.")
public class UpCommand implements Callable<Integer> {

    @Option(names = "--home", description = "Project directory with the built services (default: ${DEFAULT-VALUE}).")
    Path home = Path.of(System.getProperty("penguin.home", "."));

    @Option(names = "--work-dir", description = "Where service logs go (default: <home>/target/penguin).")
    Path workDir;

    @Option(
            names = "--replicas",
            paramLabel = "SERVICE=N[,SERVICE=N...]",
            converter = ReplicasConverter.class,
            description = "Run N processes of a service, as Kubernetes runs replicas: one consumer group, one broker"
                    + " and database, a port each (e.g. generation-service=2,judge-service=2). N is at most the"
                    + " partitions of the service's input topic in infra/kafka/topics.conf. Default: one each.")
    Replicas replicas = Replicas.ONE_EACH;

    @Mixin
    FakeLlmOptions fakeLlm;

    @Override
    public Integer call() throws InterruptedException {
        Path work = workDir != null ? workDir : home.resolve("target/penguin");
        FakeLlmServer fake = fakeLlm.start(System.out);
        Map<String, String> properties = fake == null ? Map.of() : fakeLlm.settings(fake);
        Platform platform = Platform.start(home, work, Duration.ofMinutes(3), System.out, properties, replicas);
        System.out.printf(
                "Chat with the agent: %s (API key for this run: %s)%n",
                platform.url(ServiceSpec.GATEWAY), platform.agentKey());
        System.out.printf("Read runs sample by sample: %s/explorer/%n", platform.url(ServiceSpec.JUDGE));
        System.out.println("Running; press Ctrl-C to stop everything.");
        // The platform's shutdown hook stops the services, the broker and the database on Ctrl-C; the fake model
        // server's threads are daemons and end with this process.
        new CountDownLatch(1).await();
        platform.close();
        return 0;
    }

    /** {@code --replicas}: a bad pair is a usage error that names it. */
    static final class ReplicasConverter implements CommandLine.ITypeConverter<Replicas> {
        @Override
        public Replicas convert(String value) {
            try {
                return Replicas.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
