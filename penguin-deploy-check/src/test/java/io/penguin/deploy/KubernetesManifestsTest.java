package io.penguin.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.penguin.embedded.TopicDefinition;
import io.penguin.embedded.TopicDefinitions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KubernetesManifestsTest {

    private static final Path KUBERNETES =
            Path.of("../infra/kubernetes").toAbsolutePath().normalize();
    private static final List<String> SERVICES =
            List.of("scenario-service", "generation-service", "judge-service", "planner-service", "agent-gateway");

    /**
     * A developer machine with only Java and Maven skips the rendering tests; CI (environment CI=true) or
     * -Dpenguin.requireKubectl=true makes a missing kubectl a failure.
     */
    private static List<HasMetadata> render(String overlay) {
        boolean required = "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("penguin.requireKubectl");
        Assumptions.assumeTrue(
                required || Manifests.kubectlAvailable(), "kubectl not found: rendering of the overlays skipped");
        return Manifests.render(KUBERNETES.resolve("overlays").resolve(overlay));
    }

    private static <T> List<T> ofType(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyOverlayRendersAndPassesTheDeploymentRules(String overlay) {
        List<HasMetadata> objects = render(overlay);
        assertThat(ManifestRules.check(objects)).isEmpty();
        assertThat(ofType(objects, Deployment.class).stream()
                        .map(d -> d.getMetadata().getName()))
                .containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(ofType(objects, Service.class).stream()
                        .map(s -> s.getMetadata().getName()))
                .containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(objects)
                .allSatisfy(object -> assertThat(object.getMetadata().getNamespace())
                        .as(
                                "namespace of %s/%s",
                                object.getKind(), object.getMetadata().getName())
                        .isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyTheGatewayAcceptsTrafficFromOutsideThePlatform(String overlay) {
        List<NetworkPolicy> policies = ofType(render(overlay), NetworkPolicy.class);
        assertThat(policies)
                .anySatisfy(
                        policy -> assertThat(policy.getSpec().getPodSelector().getMatchLabels())
                                .isNullOrEmpty());
        List<NetworkPolicy> open = policies.stream()
                .filter(policy -> policy.getSpec().getIngress() != null)
                .filter(policy -> policy.getSpec().getIngress().stream()
                        .anyMatch(
                                rule -> rule.getFrom() == null || rule.getFrom().isEmpty()))
                .toList();
        assertThat(open)
                .singleElement()
                .satisfies(
                        policy -> assertThat(policy.getSpec().getPodSelector().getMatchLabels())
                                .containsEntry("app.kubernetes.io/name", "agent-gateway"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kafkaTopicsMatchTheTopicDefinitionsOfInfraKafka(String overlay) throws IOException {
        List<TopicDefinition> defined =
                TopicDefinitions.parse(Files.readString(KUBERNETES.resolve("../kafka/topics.conf")), "topics.conf");
        Map<String, GenericKubernetesResource> topics =
                ofType(render(overlay), GenericKubernetesResource.class).stream()
                        .filter(resource -> "KafkaTopic".equals(resource.getKind()))
                        .collect(Collectors.toMap(
                                resource -> String.valueOf(spec(resource).get("topicName")), resource -> resource));
        assertThat(topics.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        defined.stream().map(TopicDefinition::name).toList());
        for (TopicDefinition topic : defined) {
            Map<String, Object> spec = spec(topics.get(topic.name()));
            assertThat(((Number) spec.get("partitions")).intValue())
                    .as(topic.name())
                    .isEqualTo(topic.partitions());
            @SuppressWarnings("unchecked")
            Map<String, Object> config = (Map<String, Object>) spec.get("config");
            assertThat(String.valueOf(config.get("cleanup.policy")))
                    .as(topic.name())
                    .isEqualTo(topic.cleanupPolicy());
            assertThat(Long.parseLong(String.valueOf(config.get("retention.ms"))))
                    .as(topic.name())
                    .isEqualTo(topic.retentionMs());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServicePointsItsModelCallCacheAtTheSharedCacheDatabase(String overlay) {
        for (Deployment deployment : ofType(render(overlay), Deployment.class)) {
            Map<String, io.fabric8.kubernetes.api.model.EnvVar> env =
                    deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                            .collect(Collectors.toMap(
                                    io.fabric8.kubernetes.api.model.EnvVar::getName, variable -> variable));
            String name = deployment.getMetadata().getName();
            assertThat(env.get("PENGUIN_MODELS_CACHE_JDBC_URL").getValue())
                    .as(name)
                    .isEqualTo("jdbc:postgresql://$(PENGUIN_DB_HOST):$(PENGUIN_DB_PORT)/penguin_models");
            // $(VAR) only expands variables defined before it in the list
            List<String> order = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                    .map(io.fabric8.kubernetes.api.model.EnvVar::getName)
                    .toList();
            assertThat(order.indexOf("PENGUIN_DB_HOST"))
                    .as(name)
                    .isBetween(0, order.indexOf("PENGUIN_MODELS_CACHE_JDBC_URL"));
            assertThat(env.get("PENGUIN_MODELS_CACHE_PASSWORD")
                            .getValueFrom()
                            .getSecretKeyRef()
                            .getName())
                    .as(name)
                    .isEqualTo("penguin-db-credentials");
        }
    }

    private static Map<String, Integer> partitions() throws IOException {
        return TopicDefinitions.parse(Files.readString(KUBERNETES.resolve("../kafka/topics.conf")), "topics.conf")
                .stream()
                .collect(Collectors.toMap(TopicDefinition::name, TopicDefinition::partitions));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noServiceScalesBeyondThePartitionsOfItsInputTopic(String overlay) throws IOException {
        List<HasMetadata> objects = render(overlay);
        Map<String, String> inputTopics = ScalingBounds.inputTopics(KUBERNETES.resolve("../.."), SERVICES);

        assertThat(ScalingBounds.bounds(objects))
                .as("the autoscalers and fixed replica counts checked")
                .extracting(ScalingBounds.Bound::kind)
                .contains("HorizontalPodAutoscaler");
        assertThat(ScalingBounds.check(objects, inputTopics, partitions())).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void eachServiceScalesOnTheTopicItsOwnConsumerGroupReads() {
        assertThat(ScalingBounds.inputTopics(KUBERNETES.resolve("../.."), SERVICES))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "scenario-service", "penguin.judgements",
                        "generation-service", "penguin.generation.requests",
                        "judge-service", "penguin.responses",
                        "planner-service", "penguin.planning.requests",
                        "agent-gateway", "penguin.agent.requests"));
    }

    @org.junit.jupiter.api.Test
    void anAutoscalerAboveThePartitionsOrWatchingAnotherTopicIsRejected() throws IOException {
        String yaml = new String(KubernetesManifestsTest.class
                .getClassLoader()
                .getResourceAsStream("broken/autoscalers-beyond-partitions.yaml")
                .readAllBytes());
        List<String> violations = ScalingBounds.check(
                Manifests.parse(yaml), ScalingBounds.inputTopics(KUBERNETES.resolve("../.."), SERVICES), partitions());

        assertThat(violations)
                .containsExactlyInAnyOrder(
                        "HorizontalPodAutoscaler/judge-service: maxReplicas 7 is more than the 6 partitions of"
                                + " penguin.responses (infra/kafka/topics.conf), the input topic of judge-service;"
                                + " raise the partitions first",
                        "ScaledObject/generation-service: maxReplicaCount 100 is more than the 6 partitions of"
                                + " penguin.generation.requests (infra/kafka/topics.conf), the input topic of"
                                + " generation-service; raise the partitions first",
                        "ScaledObject/judge-service: watches the lag of penguin.judgements, but judge-service"
                                + " consumes penguin.responses");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }

    @ParameterizedTest
    @ValueSource(strings = {"broken/deployment-without-probes-or-limits.yaml"})
    void aDeploymentWithoutProbesOrLimitsIsRejected(String fixture) throws IOException {
        String yaml = new String(KubernetesManifestsTest.class
                .getClassLoader()
                .getResourceAsStream(fixture)
                .readAllBytes());
        List<String> violations = ManifestRules.check(Manifests.parse(yaml));
        assertThat(violations)
                .anyMatch(v -> v.contains("livenessProbe is missing"))
                .anyMatch(v -> v.contains("readinessProbe is missing"))
                .anyMatch(v -> v.contains("resources.limits.memory is missing"))
                .anyMatch(v -> v.contains("runAsNonRoot"))
                .anyMatch(v -> v.contains("uses the tag 'latest'"))
                .anyMatch(v -> v.contains("OPENAI_API_KEY holds a literal value"))
                .anyMatch(v -> v.contains("Secret/shipped-secret"));
    }
}
