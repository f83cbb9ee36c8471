package io.penguin.deploy.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Common settings are said once: in penguin-service-support's {@code META-INF/microprofile-config.properties}, which
 * every service reads below its own {@code application.properties}. A service file that repeats a shared default with
 * the same value (or sets a channel's Kafka attribute to the connector-wide default) says nothing of its own.
 */
class SharedDefaultsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path SHARED =
            ROOT.resolve("penguin-service-support/src/main/resources/META-INF/microprofile-config.properties");
    private static final List<String> SERVICES =
            List.of("scenario-service", "generation-service", "judge-service", "planner-service", "agent-gateway");
    private static final String CONNECTOR = "mp.messaging.connector.smallrye-kafka.";
    private static final String PARENT = "quarkus.config.profile.parent";
    private static final String DATABASE = "database";
    private static final Pattern CHANNEL = Pattern.compile("mp\\.messaging\\.(?:incoming|outgoing)\\.[^.]+\\.(.+)");

    @Test
    void noServiceRepeatsASharedDefaultWithTheSameValue() throws IOException {
        List<String> repeated = new ArrayList<>();
        for (String service : SERVICES) {
            Map<String, String> own = read(ROOT.resolve(service + "/src/main/resources/application.properties"));
            Map<String, String> shared = sharedFor(own.get(PARENT));
            own.forEach((key, value) -> {
                String connector = connectorKey(key);
                if (value.equals(shared.get(key)) || (connector != null && value.equals(shared.get(connector)))) {
                    repeated.add(service + ": " + key + "=" + value);
                }
            });
        }
        assertThat(repeated)
                .as("settings a service repeats from penguin-service-support's microprofile-config.properties")
                .isEmpty();
    }

    @Test
    void theServicesWithADatabaseTakeTheDatabaseProfileAndTheOthersDoNot() throws IOException {
        for (String service : SERVICES) {
            Map<String, String> own = read(ROOT.resolve(service + "/src/main/resources/application.properties"));
            assertThat(own.get(PARENT))
                    .as(service + "'s parent profile")
                    .isEqualTo(own.containsKey("quarkus.datasource.jdbc.url") ? DATABASE : null);
        }
        assertThat(sharedFor(DATABASE))
                .containsEntry("quarkus.datasource.db-kind", "postgresql")
                .containsEntry("kafka.bootstrap.servers", "localhost:9092");
        assertThat(sharedFor(null)).doesNotContainKey("quarkus.datasource.db-kind");
    }

    /**
     * How SmallRye Config resolves the shared defaults: below a service's own file, below an environment variable even
     * when the default is one of the database profile's, and the database profile's only with that parent profile.
     */
    @Test
    void aServiceFileAndAnEnvironmentVariableOverrideTheSharedDefaults() throws IOException {
        // Quarkus relocates quarkus.config.profile.parent and quarkus.profile to these names.
        Map<String, String> own =
                new TreeMap<>(Map.of("smallrye.config.profile.parent", DATABASE, "smallrye.config.profile", "test"));
        own.put("kafka.bootstrap.servers", "broker:9092");
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(read(SHARED), "shared", 100))
                .withSources(new PropertiesConfigSource(own, "application.properties", 250))
                .withSources(new PropertiesConfigSource(
                        Map.of("quarkus.datasource.username", "from-secret"), "environment", 300))
                .build();

        assertThat(config.getRawValue("kafka.bootstrap.servers")).isEqualTo("broker:9092");
        assertThat(config.getRawValue("quarkus.datasource.username")).isEqualTo("from-secret");
        assertThat(config.getRawValue("quarkus.datasource.db-kind")).isEqualTo("postgresql");
        assertThat(config.getRawValue("quarkus.banner.enabled")).isEqualTo("false");
    }

    /** The shared defaults a service sees: the unprofiled ones, and its parent profile's (which win). */
    private static Map<String, String> sharedFor(String parent) throws IOException {
        Map<String, String> shared = new TreeMap<>();
        read(SHARED).forEach((key, value) -> {
            if (!key.startsWith("%")) {
                shared.putIfAbsent(key, value);
            } else if (parent != null && key.startsWith("%" + parent + ".")) {
                shared.put(key.substring(parent.length() + 2), value);
            }
        });
        return shared;
    }

    /** The connector-wide key a channel attribute falls back to, or null for a key that is not a channel's. */
    private static String connectorKey(String key) {
        Matcher channel = CHANNEL.matcher(key);
        return channel.matches() ? CONNECTOR + channel.group(1) : null;
    }

    private static Map<String, String> read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        Map<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }
}
