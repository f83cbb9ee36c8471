package io.penguin.gateway.sessions.service;

import io.penguin.gateway.config.GatewayConfig;
import io.penguin.models.ModelRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * The target model of a live session whose query frame names none: {@code penguin.gateway.agent.default-model}, else
 * the rule-based responder. Left unset while a model endpoint is configured, that default would quietly give live
 * users rule-based answers where an operator may expect the endpoint's, so the gateway says so at start, naming the
 * model and the property (configuration names only, never anything a user said).
 */
@ApplicationScoped
public class LiveDefaultModel {

    static final String PROPERTY = "penguin.gateway.agent.default-model";

    private static final Logger LOG = Logger.getLogger(LiveDefaultModel.class);

    private final Optional<String> configured;
    private final ModelRegistry models;

    public LiveDefaultModel(GatewayConfig config, ModelRegistry models) {
        this.configured = config.agent().defaultModel();
        this.models = models;
        if (!models.hasTarget(name())) {
            throw new IllegalArgumentException(PROPERTY + ": no target model named '" + name() + "' is configured");
        }
    }

    /** The model live users get when their query names none. */
    public String name() {
        return configured.orElse(ModelRegistry.REFERENCE_TARGET);
    }

    void announce(@Observes StartupEvent started) {
        notice().ifPresent(LOG::warn);
    }

    /** The start-up notice, when there is one to give: an endpoint is configured and the default is implicit. */
    Optional<String> notice() {
        if (configured.isPresent() || models.endpointNames().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("live sessions whose query names no model are answered by '" + name()
                + "', the rule-based responder, although model endpoints " + new TreeSet<>(models.endpointNames())
                + " are configured; set " + PROPERTY + " to choose the model live users get");
    }
}
