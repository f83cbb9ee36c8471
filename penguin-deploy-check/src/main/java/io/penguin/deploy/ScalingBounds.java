package io.penguin.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far each service may scale: a consumer group gives each partition to one member, so replicas beyond the
 * partitions of a service's input topic get no work. Every fixed replica count, HorizontalPodAutoscaler
 * {@code maxReplicas} and KEDA {@code maxReplicaCount} must stay within them, and a KEDA trigger must watch the
 * service's own group and topic.
 */
public final class ScalingBounds {

    private static final Pattern GROUP = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.group\\.id");
    /** KEDA's own default when a ScaledObject sets no maximum. */
    private static final int KEDA_DEFAULT_MAX = 100;

    private ScalingBounds() {}

    /**
     * A service's input topic, from its {@code application.properties}: the topic of the incoming channel whose
     * consumer group is named after the service (the group Kubernetes scales; other groups, such as dead-letter
     * readers, are side channels).
     */
    public static Map<String, String> inputTopics(Path root, List<String> services) {
        Map<String, String> topics = new LinkedHashMap<>();
        for (String service : services) {
            Properties properties = new Properties();
            Path file = root.resolve(service).resolve("src/main/resources/application.properties");
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            for (String key : properties.stringPropertyNames()) {
                Matcher group = GROUP.matcher(key);
                if (group.matches() && service.equals(properties.getProperty(key))) {
                    topics.put(service, properties.getProperty("mp.messaging.incoming." + group.group(1) + ".topic"));
                }
            }
            if (topics.get(service) == null) {
                throw new IllegalStateException(file + " has no incoming channel in consumer group " + service);
            }
        }
        return topics;
    }

    /**
     * Every scaling bound above the partitions of its service's input topic, named.
     *
     * @param inputTopics input topic by Deployment name
     * @param partitions partitions by topic name
     */
    public static List<String> check(
            List<HasMetadata> objects, Map<String, String> inputTopics, Map<String, Integer> partitions) {
        List<String> violations = new ArrayList<>();
        for (Bound bound : bounds(objects)) {
            String where = bound.kind() + "/" + bound.name();
            String topic = inputTopics.get(bound.target());
            if (topic == null) {
                violations.add(where + ": scales " + bound.target() + ", which consumes no known input topic");
                continue;
            }
            if (bound.watchedTopic() != null && !bound.watchedTopic().equals(topic)) {
                violations.add(where + ": watches the lag of " + bound.watchedTopic() + ", but " + bound.target()
                        + " consumes " + topic);
            }
            if (bound.watchedGroup() != null && !bound.watchedGroup().equals(bound.target())) {
                violations.add(where + ": watches consumer group " + bound.watchedGroup() + ", but " + bound.target()
                        + "'s group is " + bound.target());
            }
            int limit = partitions.getOrDefault(topic, 0);
            if (bound.max() > limit) {
                violations.add(where + ": " + bound.field() + " " + bound.max() + " is more than the " + limit
                        + " partitions of " + topic + " (infra/kafka/topics.conf), the input topic of "
                        + bound.target() + "; raise the partitions first");
            }
        }
        return violations;
    }

    /** The replica bounds the objects set: Deployment replicas, HPA and KEDA maxima. */
    public static List<Bound> bounds(List<HasMetadata> objects) {
        List<Bound> bounds = new ArrayList<>();
        for (HasMetadata object : objects) {
            Map<String, Object> spec = spec(object);
            String name = object.getMetadata().getName();
            switch (object.getKind()) {
                case "Deployment" -> {
                    if (spec.get("replicas") instanceof Number replicas) {
                        bounds.add(new Bound("Deployment", name, name, "replicas", replicas.intValue(), null, null));
                    }
                }
                case "HorizontalPodAutoscaler" ->
                    bounds.add(new Bound(
                            "HorizontalPodAutoscaler",
                            name,
                            target(spec),
                            "maxReplicas",
                            ((Number) spec.get("maxReplicas")).intValue(),
                            null,
                            null));
                case "ScaledObject" -> {
                    Object max = spec.get("maxReplicaCount");
                    for (Map<String, Object> trigger : list(spec.get("triggers"))) {
                        Map<String, Object> metadata = map(trigger.get("metadata"));
                        bounds.add(new Bound(
                                "ScaledObject",
                                name,
                                target(spec),
                                "maxReplicaCount",
                                max instanceof Number number ? number.intValue() : KEDA_DEFAULT_MAX,
                                (String) metadata.get("topic"),
                                (String) metadata.get("consumerGroup")));
                    }
                }
                default -> {}
            }
        }
        return bounds;
    }

    /**
     * One replica bound.
     *
     * @param target the Deployment it scales
     * @param field the field that sets it
     * @param watchedTopic the topic a KEDA trigger reads the lag of, null for the others
     * @param watchedGroup the consumer group a KEDA trigger reads the lag of, null for the others
     */
    public record Bound(
            String kind, String name, String target, String field, int max, String watchedTopic, String watchedGroup) {}

    private static String target(Map<String, Object> spec) {
        return String.valueOf(map(spec.get("scaleTargetRef")).get("name"));
    }

    private static Map<String, Object> spec(HasMetadata object) {
        Map<String, Object> whole = map(Serialization.jsonMapper().convertValue(object, Map.class));
        return map(whole.get("spec"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }
}
