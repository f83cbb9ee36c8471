package io.penguin.embedded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Generated request bodies and frames, from jqwik's generators: JSON values of every type, nested, with the field
 * names the platform's requests use (so that a body often gets past the parser to the checks behind it), numbers at
 * the edges, and text that is not JSON at all. Seeded: the same seed gives the same inputs. Used inside
 * {@code @QuarkusTest}s, where jqwik's own engine cannot run (a Quarkus test runs on JUnit Jupiter).
 */
public final class GeneratedInput {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Field names of the platform's request bodies and frames. */
    private static final List<String> FIELDS = List.of(
            "models",
            "conditions",
            "judgeModel",
            "panelJudges",
            "scenarioIds",
            "domains",
            "limit",
            "issues",
            "split",
            "source",
            "sample",
            "seed",
            "best3Sample",
            "allowReferenceJudge",
            "rollouts",
            "budget",
            "exploration",
            "exhaustive",
            "targetModel",
            "model",
            "type",
            "text",
            "questionId",
            "profilesPerIssue",
            "queriesPerProfile");

    private final Random random;
    private final Arbitrary<Object> values;
    private final Arbitrary<String> garbage;

    public GeneratedInput(long seed) {
        this.random = new Random(seed);
        Arbitrary<Object> leaf = Arbitraries.oneOf(
                Arbitraries.integers().map(Object.class::cast),
                Arbitraries.longs().map(Object.class::cast),
                Arbitraries.of(0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, 2_000_000_000)
                        .map(Object.class::cast),
                Arbitraries.doubles().map(Object.class::cast),
                Arbitraries.of(Double.MAX_VALUE, -0.0, 1e300, 0.5).map(Object.class::cast),
                Arbitraries.strings().ofMaxLength(40).map(Object.class::cast),
                Arbitraries.of(
                                "reference",
                                "context-free",
                                "single:*",
                                "best-3",
                                "train",
                                "test",
                                "any",
                                "query",
                                "answer",
                                "",
                                " ",
                                "null")
                        .map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast),
                Arbitraries.just(null));
        this.values = Arbitraries.recursive(
                () -> leaf,
                inner -> Arbitraries.oneOf(
                        inner.list().ofMaxSize(4).map(Object.class::cast),
                        Arbitraries.maps(
                                        Arbitraries.oneOf(
                                                Arbitraries.of(FIELDS),
                                                Arbitraries.strings().ofMaxLength(8)),
                                        inner)
                                .ofMaxSize(5)
                                .map(Object.class::cast)),
                0,
                4);
        this.garbage = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(60),
                Arbitraries.of("", "{", "[1,2", "{\"models\": [", "null", "\"text\"", "{} {}", "\u0000"));
    }

    /** The next body (inside a {@link JqwikSession}): mostly JSON (an object nine times in ten), sometimes text that is not JSON. */
    public String nextBody() {
        int kind = random.nextInt(20);
        if (kind == 0) {
            return garbage.generator(100).next(random).value();
        }
        if (kind == 1) {
            return nested(random.nextInt(5_000) + 1);
        }
        Object value = values.generator(100).next(random).value();
        if (kind < 18 && !(value instanceof Map)) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put(FIELDS.get(random.nextInt(FIELDS.size())), value);
            value = object;
        }
        return json(value);
    }

    /** The next bodies, in order, made in a jqwik session of their own (generators need one outside properties). */
    public List<String> bodies(int count) {
        List<String> bodies = new ArrayList<>(count);
        boolean own = !JqwikSession.isActive();
        if (own) {
            JqwikSession.start();
        }
        try {
            for (int i = 0; i < count; i++) {
                bodies.add(nextBody());
            }
        } finally {
            if (own) {
                JqwikSession.finish();
            }
        }
        return bodies;
    }

    /** JSON arrays nested this deep, e.g. for a parser's depth limit. */
    public static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a generated value did not serialize", e);
        }
    }
}
