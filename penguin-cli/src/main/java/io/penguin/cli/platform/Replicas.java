package io.penguin.cli.platform;

import io.penguin.embedded.TopicDefinition;
import io.penguin.embedded.TopicDefinitions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How many processes of each service the launcher starts, as Kubernetes runs replicas: the same consumer group, the
 * same database and broker, each on its own HTTP port. A service not named runs once.
 *
 * @param counts processes by service name, only for the services named
 */
public record Replicas(Map<String, Integer> counts) {

    /** One process of every service. */
    public static final Replicas ONE_EACH = new Replicas(Map.of());

    public Replicas {
        counts = Map.copyOf(counts);
    }

    /** How many processes of this service to run. */
    public int of(String service) {
        return counts.getOrDefault(service, 1);
    }

    /**
     * Parses {@code <service>=<count>[,<service>=<count>...]} against the partitions of {@code
     * infra/kafka/topics.conf}.
     */
    public static Replicas parse(String text) {
        return parse(text, ServiceSpec.all(), TopicDefinitions.standard());
    }

    /**
     * Parses {@code <service>=<count>[,...]}; a count may not exceed the partitions of the service's input topic, since
     * a consumer group gives no partition to the members beyond them.
     *
     * @throws IllegalArgumentException naming the pair and what is wrong with it
     */
    public static Replicas parse(String text, List<ServiceSpec> services, List<TopicDefinition> topics) {
        Map<String, ServiceSpec> byName = services.stream().collect(Collectors.toMap(ServiceSpec::name, spec -> spec));
        Map<String, Integer> partitions =
                topics.stream().collect(Collectors.toMap(TopicDefinition::name, TopicDefinition::partitions));
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String pair : text.split(",", -1)) {
            String[] parts = pair.strip().split("=", -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException(
                        "'" + pair.strip() + "' is not <service>=<count> (e.g. generation-service=2)");
            }
            String name = parts[0].strip();
            ServiceSpec spec = byName.get(name);
            if (spec == null) {
                throw new IllegalArgumentException(
                        "unknown service '" + name + "': the services are " + String.join(", ", byName.keySet()));
            }
            int count;
            try {
                count = Integer.parseInt(parts[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        name + ": the count '" + parts[1].strip() + "' is not a whole number", e);
            }
            if (count < 1) {
                throw new IllegalArgumentException(name + ": the count must be at least 1, was " + count);
            }
            Integer bound = partitions.get(spec.inputTopic());
            if (bound == null) {
                throw new IllegalStateException(spec.inputTopic() + " is missing from the topic definitions");
            }
            if (count > bound) {
                throw new IllegalArgumentException(name + "=" + count + " is more than the " + bound
                        + " partitions of " + spec.inputTopic() + " (infra/kafka/topics.conf): a consumer group gives"
                        + " no partition to the members beyond them");
            }
            if (counts.putIfAbsent(name, count) != null) {
                throw new IllegalArgumentException(name + " is named twice");
            }
        }
        return new Replicas(counts);
    }
}
