package io.penguin.cli;

import io.penguin.cli.load.FakeLlmOptions;
import io.penguin.cli.platform.Platform;
import io.penguin.fakellm.FakeLlmServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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

    @Mixin
    FakeLlmOptions fakeLlm;

    @Override
    public Integer call() throws InterruptedException {
        Path work = workDir != null ? workDir : home.resolve("target/penguin");
        FakeLlmServer fake = fakeLlm.start(System.out);
        Map<String, String> properties = fake == null ? Map.of() : fakeLlm.settings(fake);
        Platform platform = Platform.start(home, work, Duration.ofMinutes(3), System.out, properties);
        System.out.printf(
                "Chat with the agent: %s (API key for this run: %s)%n",
                platform.url(io.penguin.cli.platform.ServiceSpec.GATEWAY), platform.agentKey());
        System.out.printf(
                "Read runs sample by sample: %s/explorer/%n", platform.url(io.penguin.cli.platform.ServiceSpec.JUDGE));
        System.out.println("Running; press Ctrl-C to stop everything.");
        // The platform's shutdown hook stops the services, the broker and the database on Ctrl-C; the fake model
        // server's threads are daemons and end with this process.
        new CountDownLatch(1).await();
        platform.close();
        return 0;
    }
}
