package io.penguin.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a Deployment must have before review accepts it. Each rule that fails adds a violation naming the object,
 * the container and what is missing.
 */
public final class ManifestRules {

    private static final Set<String> SECRET_LIKE = Set.of("PASSWORD", "API_KEY", "APIKEY", "TOKEN", "SECRET");

    private ManifestRules() {}

    public static List<String> check(List<HasMetadata> objects) {
        List<String> violations = new ArrayList<>();
        for (HasMetadata object : objects) {
            if ("Secret".equals(object.getKind())) {
                violations.add("Secret/" + object.getMetadata().getName()
                        + ": secrets are referenced, never shipped in the manifests");
            }
            if (object instanceof Deployment deployment) {
                checkDeployment(deployment, violations);
            }
        }
        return violations;
    }

    private static void checkDeployment(Deployment deployment, List<String> violations) {
        String name = "Deployment/" + deployment.getMetadata().getName();
        var pod = deployment.getSpec().getTemplate().getSpec();
        PodSecurityContext podSecurity = pod.getSecurityContext();
        if (podSecurity == null || !Boolean.TRUE.equals(podSecurity.getRunAsNonRoot())) {
            violations.add(name + ": pod securityContext.runAsNonRoot must be true");
        }
        for (Container container : pod.getContainers()) {
            String where = name + " container " + container.getName();
            requireProbe(where, "livenessProbe", container.getLivenessProbe(), "/q/health/live", violations);
            requireProbe(where, "readinessProbe", container.getReadinessProbe(), "/q/health/ready", violations);
            requireResources(where, container.getResources(), violations);
            requireSecurity(where, container.getSecurityContext(), violations);
            requireTaggedImage(where, container.getImage(), violations);
            for (EnvVar env : container.getEnv() == null ? List.<EnvVar>of() : container.getEnv()) {
                String key = env.getName().toUpperCase(Locale.ROOT);
                boolean secretLike = SECRET_LIKE.stream().anyMatch(key::contains);
                if (secretLike && env.getValue() != null && !env.getValue().isEmpty()) {
                    violations.add(where + ": env " + env.getName() + " holds a literal value; use a secretKeyRef");
                }
            }
        }
    }

    private static void requireProbe(String where, String kind, Probe probe, String path, List<String> violations) {
        if (probe == null) {
            violations.add(where + ": " + kind + " is missing");
        } else if (probe.getHttpGet() == null || !path.equals(probe.getHttpGet().getPath())) {
            violations.add(where + ": " + kind + " must GET " + path);
        }
    }

    private static void requireResources(String where, ResourceRequirements resources, List<String> violations) {
        Map<String, Quantity> requests = resources == null ? null : resources.getRequests();
        Map<String, Quantity> limits = resources == null ? null : resources.getLimits();
        for (String resource : List.of("cpu", "memory")) {
            if (requests == null || !requests.containsKey(resource)) {
                violations.add(where + ": resources.requests." + resource + " is missing");
            }
        }
        if (limits == null || !limits.containsKey("memory")) {
            violations.add(where + ": resources.limits.memory is missing");
        }
    }

    private static void requireSecurity(String where, SecurityContext security, List<String> violations) {
        if (security == null) {
            violations.add(where + ": securityContext is missing");
            return;
        }
        if (!Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
            violations.add(where + ": securityContext.allowPrivilegeEscalation must be false");
        }
        if (!Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())) {
            violations.add(where + ": securityContext.readOnlyRootFilesystem must be true");
        }
        if (Boolean.TRUE.equals(security.getPrivileged())) {
            violations.add(where + ": securityContext.privileged must not be true");
        }
        if (security.getCapabilities() == null
                || security.getCapabilities().getDrop() == null
                || !security.getCapabilities().getDrop().contains("ALL")) {
            violations.add(where + ": securityContext.capabilities must drop ALL");
        }
    }

    private static void requireTaggedImage(String where, String image, List<String> violations) {
        if (image == null || image.isBlank()) {
            violations.add(where + ": image is missing");
            return;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (image.contains("@sha256:")) {
            return;
        }
        if (colon < slash + 1) {
            violations.add(where + ": image " + image + " has no tag");
        } else if (image.substring(colon + 1).equals("latest")) {
            violations.add(where + ": image " + image + " uses the tag 'latest'");
        }
    }
}
