package io.penguin.cli.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The model settings the launcher gives every service: named OpenAI-compatible endpoints
 * ({@code penguin.models.endpoints.<name>.*}) and which model plays each role ({@code penguin.models.roles.*}). One
 * place builds them, so that {@code eval}, {@code demo --fake-llm} and the system tests declare models alike.
 *
 * <p>An API key never appears here: an endpoint names the environment variable that holds it, and each service
 * process, which inherits the launcher's environment, reads it there. Service command lines are visible to every
 * local user ({@code ps}); the key is not on them.
 */
public final class ModelSettings {

    /** Characters a configuration map key can hold without quoting. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_-]+");

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_-]+");

    private final Map<String, String> properties = new LinkedHashMap<>();

    /**
     * A name for an endpoint serving {@code model}: the model id itself when a configuration key can hold it, else
     * the id with every other character run replaced by {@code -} ({@code llama3.1:8b} becomes {@code llama3-1-8b}):
     * a dot would split the key, and the name is also what reports show.
     */
    public static String endpointName(String model) {
        String trimmed = model.trim();
        if (SAFE_NAME.matcher(trimmed).matches()) {
            return trimmed;
        }
        String name = UNSAFE.matcher(trimmed).replaceAll("-").replaceAll("^-+|-+$", "");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a model id needs at least one letter or digit");
        }
        return name;
    }

    /** Declares an endpoint: a target model, an LLM judge, agent model and user simulator under {@code name}. */
    public ModelSettings endpoint(String name, String baseUrl, String model, String apiKeyEnv) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        String prefix = prefix(name);
        properties.put(prefix + "base-url", baseUrl);
        properties.put(prefix + "model", model);
        if (apiKeyEnv != null && !apiKeyEnv.isBlank()) {
            properties.put(prefix + "api-key-env", apiKeyEnv);
        }
        return this;
    }

    /** One more setting of a declared endpoint, e.g. {@code concurrency} or {@code max-retries}. */
    public ModelSettings endpointSetting(String name, String key, String value) {
        properties.put(prefix(name) + key, value);
        return this;
    }

    /**
     * Binds a role ({@code judge}, {@code user-simulator}, {@code agent}) to a model name. The targets are named by
     * each run, and the planner's reward models by each planning request, so they are no binding here.
     */
    public ModelSettings bind(String role, String model) {
        properties.put("penguin.models.roles." + role, model);
        return this;
    }

    /** Any other service setting, e.g. {@code penguin.models.cache.enabled}. */
    public ModelSettings set(String key, String value) {
        properties.put(key, value);
        return this;
    }

    /** The settings, in the order given. */
    public Map<String, String> properties() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    private static String prefix(String name) {
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "endpoint name '" + name + "' may hold only letters, digits, '-' and '_'");
        }
        return "penguin.models.endpoints." + name + ".";
    }
}
