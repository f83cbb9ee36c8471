package io.penguin.models;

import io.penguin.models.cache.CallCache;
import io.penguin.models.endpoint.EndpointObserver;
import io.penguin.models.endpoint.EndpointSettings;
import io.penguin.models.endpoint.ModelEndpoint;
import io.penguin.models.llm.CallAccounting;
import io.penguin.models.llm.LlmAgentModel;
import io.penguin.models.llm.LlmJudgeModel;
import io.penguin.models.llm.LlmTargetModel;
import io.penguin.models.llm.LlmUserSimulator;
import io.penguin.models.llm.ModelCalls;
import io.penguin.models.reference.ProfileUserSimulator;
import io.penguin.models.reference.ReferenceAgentModel;
import io.penguin.models.reference.ReferenceResponder;
import io.penguin.models.reference.RubricJudge;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named models by role: the offline reference models always, plus one target, one judge, one agent model and one user
 * simulator per configured endpoint (all under the endpoint's name), and the role bindings (which model is the judge,
 * the user simulator, the planner, the agent), each checked against the models of its role.
 */
public final class ModelRegistry {

    public static final String REFERENCE_TARGET = ReferenceResponder.NAME;
    public static final String REFERENCE_JUDGE = RubricJudge.NAME;

    private final Map<String, TargetModel> targets = new LinkedHashMap<>();
    private final Map<String, JudgeModel> judges = new LinkedHashMap<>();
    private final Map<String, UserSimulator> userSimulators = new LinkedHashMap<>();
    private final Map<String, AgentModel> agentModels = new LinkedHashMap<>();
    private final Map<String, ModelEndpoint> endpoints = new LinkedHashMap<>();
    private final Map<String, ModelCalls> calls = new LinkedHashMap<>();
    private final Map<String, String> roles = new LinkedHashMap<>();

    public static final String REFERENCE_USER = ProfileUserSimulator.NAME;
    public static final String REFERENCE_SELECTOR = ReferenceAgentModel.NAME;

    /** A registry with the reference responder, rubric judge, user simulator and agent model. */
    public static ModelRegistry withReferenceModels() {
        ModelRegistry registry = new ModelRegistry();
        registry.register(new ReferenceResponder());
        registry.register(ReferenceResponder.brief());
        registry.register(new RubricJudge());
        registry.register(RubricJudge.strict());
        registry.register(new ProfileUserSimulator());
        registry.register(new ReferenceAgentModel());
        return registry;
    }

    /**
     * The reference models plus every endpoint as a target, an LLM judge and an LLM agent model, sharing one cache
     * and one accounting; agent models re-ask {@link LlmAgentModel#DEFAULT_REASKS} times.
     *
     * @param judgeReasks how many times an LLM judge re-asks after an invalid reply before it fails
     */
    public static ModelRegistry withEndpoints(
            List<EndpointSettings> settings,
            CallCache cache,
            CallAccounting accounting,
            EndpointObserver observer,
            int judgeReasks) {
        return withEndpoints(settings, cache, accounting, observer, judgeReasks, LlmAgentModel.DEFAULT_REASKS);
    }

    /**
     * The reference models plus every endpoint as a target, an LLM judge and an LLM agent model, sharing one cache
     * and one accounting.
     *
     * @param judgeReasks how many times an LLM judge re-asks after an invalid reply before it fails
     * @param agentReasks how many times an LLM agent model re-asks after an invalid reply before the reference
     *     policy decides
     */
    public static ModelRegistry withEndpoints(
            List<EndpointSettings> settings,
            CallCache cache,
            CallAccounting accounting,
            EndpointObserver observer,
            int judgeReasks,
            int agentReasks) {
        ModelRegistry registry = withReferenceModels();
        for (EndpointSettings endpoint : settings) {
            registry.register(ModelEndpoint.openAi(endpoint, observer), cache, accounting, judgeReasks, agentReasks);
        }
        return registry;
    }

    /**
     * Adds an endpoint as a target, a judge, an agent model and a user simulator under its name (agent models re-asking
     * {@link LlmAgentModel#DEFAULT_REASKS} times); reference names cannot be taken.
     */
    public ModelRegistry register(ModelEndpoint endpoint, CallCache cache, CallAccounting accounting, int judgeReasks) {
        return register(endpoint, cache, accounting, judgeReasks, LlmAgentModel.DEFAULT_REASKS);
    }

    /**
     * Adds an endpoint as a target, a judge, an agent model and a user simulator under its name; reference names
     * cannot be taken.
     */
    public ModelRegistry register(
            ModelEndpoint endpoint, CallCache cache, CallAccounting accounting, int judgeReasks, int agentReasks) {
        String name = endpoint.name();
        if (names().contains(name)) {
            throw new IllegalArgumentException("model endpoint '" + name + "': the name is already taken");
        }
        ModelCalls calls = new ModelCalls(endpoint, cache, accounting);
        endpoints.put(name, endpoint);
        this.calls.put(name, calls);
        register(new LlmTargetModel(calls));
        register(new LlmJudgeModel(calls, judgeReasks));
        register(new LlmAgentModel(calls, agentReasks));
        register(new LlmUserSimulator(calls));
        return this;
    }

    /**
     * Binds a role to a model name, checked against the models of that role: a target for {@link ModelRole#TARGET}
     * and {@link ModelRole#PLANNER_REWARD}, a judge for {@link ModelRole#JUDGE}, a user simulator for
     * {@link ModelRole#USER_SIMULATOR}, an agent model for {@link ModelRole#AGENT}, an endpoint for
     * {@link ModelRole#SCENARIO_WRITER}. The error lists that role's valid names.
     */
    public ModelRegistry bind(ModelRole role, String name) {
        java.util.Set<String> valid = namesFor(role);
        if (!valid.contains(name)) {
            throw new UnknownModelException(role.config(), name, valid);
        }
        roles.put(role.config(), name);
        return this;
    }

    /** {@link #bind(ModelRole, String)} with the role's configuration name ({@code judge}, {@code user-simulator}...). */
    public ModelRegistry bind(String role, String name) {
        return bind(ModelRole.parse(role), name);
    }

    /** The model name bound to a role, or {@code fallback} when none is. */
    public String boundTo(ModelRole role, String fallback) {
        return roles.getOrDefault(role.config(), fallback);
    }

    /** {@link #boundTo(ModelRole, String)} with the role's configuration name. */
    public String boundTo(String role, String fallback) {
        return boundTo(ModelRole.parse(role), fallback);
    }

    /** The names a role may be bound to. */
    public java.util.Set<String> namesFor(ModelRole role) {
        return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(
                switch (role) {
                    case TARGET, PLANNER_REWARD -> targets.keySet();
                    case JUDGE -> judges.keySet();
                    case USER_SIMULATOR -> userSimulators.keySet();
                    case AGENT -> agentModels.keySet();
                    case SCENARIO_WRITER -> calls.keySet();
                }));
    }

    public Map<String, String> roles() {
        return Map.copyOf(roles);
    }

    /** The configured endpoints, for health and metrics. */
    public Collection<ModelEndpoint> endpoints() {
        return List.copyOf(endpoints.values());
    }

    /**
     * The way to an endpoint for a role that builds its own prompts (e.g. the catalog's scenario writer): the cache,
     * the limits and the accounting, as targets and judges have them.
     */
    public ModelCalls calls(String name) {
        ModelCalls found = calls.get(name);
        if (found == null) {
            throw new UnknownModelException("model endpoint", name, calls.keySet());
        }
        return found;
    }

    /** The names of the configured endpoints. */
    public java.util.Set<String> endpointNames() {
        return java.util.Set.copyOf(calls.keySet());
    }

    private List<String> names() {
        java.util.Set<String> all = new java.util.LinkedHashSet<>(targets.keySet());
        all.addAll(judges.keySet());
        all.addAll(userSimulators.keySet());
        all.addAll(agentModels.keySet());
        return List.copyOf(all);
    }

    public ModelRegistry register(TargetModel model) {
        targets.put(model.name(), model);
        return this;
    }

    public ModelRegistry register(JudgeModel model) {
        judges.put(model.name(), model);
        return this;
    }

    public ModelRegistry register(UserSimulator model) {
        userSimulators.put(model.name(), model);
        return this;
    }

    public ModelRegistry register(AgentModel model) {
        agentModels.put(model.name(), model);
        return this;
    }

    public UserSimulator userSimulator(String name) {
        UserSimulator model = userSimulators.get(name);
        if (model == null) {
            throw new UnknownModelException("user simulator", name, userSimulators.keySet());
        }
        return model;
    }

    public AgentModel agentModel(String name) {
        AgentModel model = agentModels.get(name);
        if (model == null) {
            throw new UnknownModelException("agent model", name, agentModels.keySet());
        }
        return model;
    }

    public TargetModel target(String name) {
        TargetModel model = targets.get(name);
        if (model == null) {
            throw new UnknownModelException("target", name, targets.keySet());
        }
        return model;
    }

    public JudgeModel judge(String name) {
        JudgeModel model = judges.get(name);
        if (model == null) {
            throw new UnknownModelException("judge", name, judges.keySet());
        }
        return model;
    }

    public boolean hasTarget(String name) {
        return targets.containsKey(name);
    }

    public boolean hasJudge(String name) {
        return judges.containsKey(name);
    }
}
