package io.penguin.models;

import io.penguin.models.reference.ReferenceResponder;
import io.penguin.models.reference.RubricJudge;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named models by role. Today it holds the offline reference models; configured remote endpoints join it in the
 * model-layer work.
 */
public final class ModelRegistry {

    public static final String REFERENCE_TARGET = ReferenceResponder.NAME;
    public static final String REFERENCE_JUDGE = RubricJudge.NAME;

    private final Map<String, TargetModel> targets = new LinkedHashMap<>();
    private final Map<String, JudgeModel> judges = new LinkedHashMap<>();

    /** A registry with the reference responder and the rubric judge. */
    public static ModelRegistry withReferenceModels() {
        ModelRegistry registry = new ModelRegistry();
        registry.register(new ReferenceResponder());
        registry.register(new RubricJudge());
        return registry;
    }

    public ModelRegistry register(TargetModel model) {
        targets.put(model.name(), model);
        return this;
    }

    public ModelRegistry register(JudgeModel model) {
        judges.put(model.name(), model);
        return this;
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
