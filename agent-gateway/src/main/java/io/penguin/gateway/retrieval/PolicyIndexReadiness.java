package io.penguin.gateway.retrieval;

import io.penguin.agent.retrieval.PolicyIndex;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the retrieval index has read the policies topic up to where it stood at start-up. */
@Readiness
@ApplicationScoped
public class PolicyIndexReadiness implements HealthCheck {

    private final PolicyIndexLoader loader;
    private final PolicyIndex index;

    public PolicyIndexReadiness(PolicyIndexLoader loader, PolicyIndex index) {
        this.loader = loader;
        this.index = index;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("policy-index")
                .status(loader.caughtUp())
                .withData("plans", index.size())
                .build();
    }
}
