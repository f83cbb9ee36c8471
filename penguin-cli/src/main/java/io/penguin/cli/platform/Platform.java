package io.penguin.cli.platform;

import io.penguin.embedded.EmbeddedInfrastructure;
import io.penguin.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole platform on one machine: an embedded Kafka broker and PostgreSQL, and the five services as separate
 * processes from their packaged jars, exactly as a deployment runs them. Closing it stops everything it started.
 */
public final class Platform implements AutoCloseable {

    /** JVM options of each service: small heaps, because five services share one machine. */
    public static final List<String> SERVICE_JVM_OPTIONS = List.of(
            "-Xmx384m",
            "-XX:+UseSerialGC",
            // Quarkus loads most of its classes at start; a larger first metaspace threshold spares each service
            // the two or three full collections (0.1-0.7 s each on these machines, seen with -Xlog:gc) it costs.
            "-XX:MetaspaceSize=128m");

    private final EmbeddedInfrastructure infrastructure;
    private final Map<String, ServiceProcess> services;
    private final Thread shutdownHook;
    private boolean infrastructureOpen = true;
    private final String agentKey;

    private Platform(EmbeddedInfrastructure infrastructure, Map<String, ServiceProcess> services, String agentKey) {
        this.infrastructure = infrastructure;
        this.services = services;
        this.agentKey = agentKey;
        this.shutdownHook = new Thread(this::stopAll, "penguin-platform-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts the infrastructure and the services, and returns once every service reports ready.
     *
     * @param home the project directory holding the built service modules
     * @param workDir where service logs go
     * @param readyTimeout how long the services may take to become ready
     * @param out where progress is told
     */
    public static Platform start(Path home, Path workDir, Duration readyTimeout, PrintStream out) {
        return start(home, workDir, readyTimeout, out, Map.of());
    }

    /**
     * As {@link #start(Path, Path, Duration, PrintStream)}, with settings given to every service (e.g. a model
     * endpoint: {@code penguin.models.endpoints.<name>.base-url}).
     */
    public static Platform start(
            Path home, Path workDir, Duration readyTimeout, PrintStream out, Map<String, String> extraProperties) {
        return start(home, workDir, readyTimeout, out, extraProperties, Replicas.ONE_EACH);
    }

    /**
     * As {@link #start(Path, Path, Duration, PrintStream, Map)}, with several processes of some services: replicas
     * as Kubernetes runs them, in one consumer group, on one broker and one database, each on its own port. The
     * first process of a service is named as the service, the others {@code <service>-2}, {@code <service>-3}, ...
     */
    public static Platform start(
            Path home,
            Path workDir,
            Duration readyTimeout,
            PrintStream out,
            Map<String, String> extraProperties,
            Replicas replicas) {
        long started = System.nanoTime();
        out.println("Starting embedded Kafka (KRaft) and PostgreSQL ...");
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start();
        out.printf(
                "  Kafka at %s, PostgreSQL on port %d%n",
                infrastructure.kafka().bootstrapServers(),
                infrastructure.postgres().port());
        Map<String, ServiceProcess> services = new LinkedHashMap<>();
        String agentKey = newAgentKey();
        Platform platform = new Platform(infrastructure, services, agentKey);
        try {
            for (ServiceSpec spec : ServiceSpec.all()) {
                Map<String, String> properties = properties(spec, infrastructure, extraProperties, agentKey);
                for (int replica = 1; replica <= replicas.of(spec.name()); replica++) {
                    String name = replicaName(spec.name(), replica);
                    services.put(
                            name,
                            ServiceProcess.launch(
                                    spec,
                                    name,
                                    spec.jar(home),
                                    freePort(),
                                    properties,
                                    SERVICE_JVM_OPTIONS,
                                    workDir.resolve("logs").resolve(name + ".log")));
                }
            }
            out.println("Starting " + String.join(", ", services.keySet()) + " ...");
            List<CompletableFuture<Void>> ready = new ArrayList<>();
            for (ServiceProcess service : services.values()) {
                ready.add(CompletableFuture.runAsync(() -> service.awaitReady(readyTimeout)));
            }
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
            services.values()
                    .forEach(service ->
                            out.printf("  %-21s %s (log: %s)%n", service.name(), service.baseUri(), service.log()));
            out.printf("Platform ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
            return platform;
        } catch (RuntimeException | IOException e) {
            platform.close();
            Throwable cause =
                    e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("the platform did not start: " + cause.getMessage(), cause);
        }
    }

    private static Map<String, String> properties(
            ServiceSpec spec,
            EmbeddedInfrastructure infrastructure,
            Map<String, String> extraProperties,
            String agentKey) {
        Map<String, String> properties = new LinkedHashMap<>();
        // Loopback unless asked otherwise: on a laptop, 0.0.0.0 would show the APIs (and the profiles behind them)
        // to the network.
        properties.put("quarkus.http.host", "127.0.0.1");
        // The services stop themselves when this launcher is gone, even SIGKILLed (ParentWatch).
        properties.put(
                "penguin.lifecycle.parent-pid",
                Long.toString(ProcessHandle.current().pid()));
        properties.putAll(extraProperties);
        if (spec.name().equals(ServiceSpec.GATEWAY)) {
            // One client, "local", whose key this launcher made up: the gateway holds only its digest.
            properties.put("penguin.gateway.auth.clients.local.key-sha256", sha256(agentKey));
        }
        properties.put("kafka.bootstrap.servers", infrastructure.kafka().bootstrapServers());
        // Trace context still travels through HTTP and Kafka headers, but the embedded default runs no OTLP
        // collector: mute the exporter's connection-refused warnings instead of filling the logs with them.
        properties.put("quarkus.log.category.\"io.quarkus.opentelemetry.runtime.exporter\".level", "ERROR");
        spec.database().ifPresent(database -> {
            properties.put(
                    "quarkus.datasource.jdbc.url", infrastructure.postgres().jdbcUrl(database));
            properties.put("quarkus.datasource.username", EmbeddedPostgres.USER);
            properties.put("quarkus.datasource.password", EmbeddedPostgres.PASSWORD);
        });
        // One model-call cache for every service (generation-service and the gateway own no database): a repeated
        // or resumed run, or a restarted service, answers from it instead of paying for the call again.
        properties.put(
                "penguin.models.cache.jdbc-url",
                infrastructure.postgres().jdbcUrl(EmbeddedPostgres.MODEL_CACHE_DATABASE));
        properties.put("penguin.models.cache.username", EmbeddedPostgres.USER);
        properties.put("penguin.models.cache.password", EmbeddedPostgres.PASSWORD);
        return properties;
    }

    /** The name of a service's n-th process: the service's own for the first. */
    public static String replicaName(String service, int replica) {
        return replica == 1 ? service : service + "-" + replica;
    }

    /** A fresh random API key for the embedded gateway's one client. */
    private static String newAgentKey() {
        byte[] bytes = new byte[24];
        new java.security.SecureRandom().nextBytes(bytes);
        return "pk-" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The API key of the embedded gateway's client {@code local} (made up at start, valid until stop). */
    public String agentKey() {
        return agentKey;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    public URI url(String service) {
        ServiceProcess process = services.get(service);
        if (process == null) {
            throw new IllegalArgumentException("no process named " + service);
        }
        return process.baseUri();
    }

    /** A process by its name: a service's first process by the service's name, its n-th by {@code <service>-<n>}. */
    public ServiceProcess service(String name) {
        return services.get(name);
    }

    /** Every process of a service, the first first. */
    public synchronized List<ServiceProcess> replicas(String service) {
        return services.values().stream()
                .filter(process -> process.spec().name().equals(service))
                .toList();
    }

    /** Stops a service gracefully (SIGTERM, as Kubernetes stops a pod), forcing it after a grace period. */
    public synchronized void stop(String name) {
        ServiceProcess process = services.get(name);
        if (process == null) {
            throw new IllegalArgumentException("no process named " + name);
        }
        process.close();
    }

    /** Kills a service abruptly (SIGKILL), as a crashed node would stop. */
    public synchronized void kill(String name) {
        ServiceProcess process = services.get(name);
        if (process == null) {
            throw new IllegalArgumentException("no process named " + name);
        }
        process.kill();
    }

    /** Starts a stopped service again on its port with its settings, and waits until it is ready. */
    public synchronized void restart(String name, Duration readyTimeout) {
        ServiceProcess process = services.get(name);
        if (process == null) {
            throw new IllegalArgumentException("no process named " + name);
        }
        try {
            ServiceProcess again = process.relaunch();
            services.put(name, again);
            again.awaitReady(readyTimeout);
        } catch (IOException e) {
            throw new UncheckedIOException("could not restart " + name, e);
        }
    }

    /** Peak resident memory (KiB) of every running service, by name. */
    public Map<String, Long> peakResidentKb() {
        Map<String, Long> peaks = new LinkedHashMap<>();
        services.forEach((name, process) -> peaks.put(name, process.peakResidentKb()));
        return peaks;
    }

    public EmbeddedInfrastructure infrastructure() {
        return infrastructure;
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down
        }
    }

    private synchronized void stopAll() {
        List<ServiceProcess> running = new ArrayList<>(services.values());
        services.clear();
        running.parallelStream().forEach(ServiceProcess::close);
        if (infrastructureOpen) {
            infrastructureOpen = false;
            infrastructure.close();
        }
    }
}
