package io.penguin.gateway.agent;

import io.penguin.agent.dialogue.Agent;
import io.penguin.agent.dialogue.AgentSettings;
import io.penguin.agent.retrieval.CachedQueryEmbedder;
import io.penguin.agent.retrieval.MiniLmEmbedder;
import io.penguin.agent.retrieval.PolicyIndex;
import io.penguin.agent.retrieval.QueryEmbedder;
import io.penguin.agent.retrieval.RetrievalScope;
import io.penguin.gateway.config.GatewayConfig;
import io.penguin.models.ModelRegistry;
import io.penguin.models.reference.ReferenceAgentModel;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The one agent of this gateway, shared by live and simulated sessions, and its retrieval index. */
@ApplicationScoped
public class AgentProducer {

    @Produces
    @ApplicationScoped
    PolicyIndex policyIndex(GatewayConfig config) {
        long started = System.nanoTime();
        QueryEmbedder embedder = new MiniLmEmbedder();
        int cached = config.agent().queryEmbeddingCacheSize();
        PolicyIndex index =
                new PolicyIndex(embedder, cached > 0 ? new CachedQueryEmbedder(embedder, cached) : embedder);
        Log.infof(
                "sentence embedding model all-MiniLM-L6-v2 loaded in %d ms; up to %d query embeddings held",
                (System.nanoTime() - started) / 1_000_000, cached);
        return index;
    }

    @Produces
    @ApplicationScoped
    Agent agent(ModelRegistry models, PolicyIndex index, GatewayConfig config) {
        GatewayConfig.Agent settings = config.agent();
        String policy = models.boundTo("agent", ModelRegistry.REFERENCE_SELECTOR);
        Agent agent = new Agent(
                models.agentModel(policy),
                new ReferenceAgentModel(),
                index,
                models.target(ModelRegistry.REFERENCE_TARGET),
                new AgentSettings(
                        settings.questionBudget(),
                        settings.sufficiencyThreshold(),
                        settings.examples(),
                        RetrievalScope.live(settings.retrievalSplits())));
        Log.infof(
                "agent: policy %s, question budget %d, answers at sufficiency >= %d, %d examples from splits %s",
                policy,
                settings.questionBudget(),
                settings.sufficiencyThreshold(),
                settings.examples(),
                settings.retrievalSplits());
        return agent;
    }
}
