package io.penguin.reports;

import io.penguin.core.Attribute;
import io.penguin.core.ConditionSpec;
import io.penguin.core.Domain;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Synthetic judgements for the report tests: seeded, so each test sees the same run. */
public final class TestRuns {

    private TestRuns() {}

    public static JudgementRow row(
            String scenario, String condition, String model, String judge, Domain domain, int r, int e, int a) {
        return new JudgementRow(
                scenario,
                condition,
                model,
                judge,
                domain,
                r,
                e,
                a,
                true,
                new CallUsage("reference", 2, 30, 20, 0.0),
                new CallUsage("reference", 1, 100, 60, 0.0),
                null,
                false);
    }

    /** A judgement of an agent-condition item that recorded how many questions the agent asked. */
    public static JudgementRow agentRow(
            String scenario, String condition, String model, Domain domain, int score, int questionsAsked) {
        JudgementRow row = row(scenario, condition, model, "reference-judge", domain, score, score, score);
        return new JudgementRow(
                row.scenarioId(),
                row.condition(),
                row.model(),
                row.judgeModel(),
                row.domain(),
                row.riskSensitivity(),
                row.emotionalEmpathy(),
                row.userSpecificAlignment(),
                row.reference(),
                row.target(),
                row.judge(),
                questionsAsked,
                row.panel());
    }

    /**
     * Two scenarios per domain; conditions context-free, context-rich, static-3, random-3, best-3 (all 120 triples),
     * every single attribute, and the agent rows; scores grow with the number of sensitive attributes shown.
     */
    public static List<JudgementRow> fullRun(String model, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<JudgementRow> rows = new ArrayList<>();
        List<String> conditions = new ArrayList<>(List.of("context-free", "context-rich", "static-3", "agent"));
        ConditionSpec.parse("single:*").expand("s", 0).forEach(c -> conditions.add(c.id()));
        for (Domain domain : Domain.values()) {
            for (int s = 0; s < 2; s++) {
                String scenario = domain.name().toLowerCase() + "-" + s;
                List<String> scenarioConditions = new ArrayList<>(conditions);
                scenarioConditions.add(ConditionSpec.parse("random-3")
                        .expand(scenario, seed)
                        .get(0)
                        .id());
                ConditionSpec.parse("best-3").expand(scenario, seed).forEach(c -> scenarioConditions.add(c.id()));
                for (String condition : scenarioConditions) {
                    int helpful = helpful(condition);
                    int base = 1 + Math.min(3, helpful);
                    rows.add(row(
                            scenario,
                            condition,
                            model,
                            "reference-judge",
                            domain,
                            clamp(base + random.nextInt(2)),
                            clamp(base + random.nextInt(2)),
                            clamp(base - 1 + random.nextInt(2))));
                }
            }
        }
        return rows;
    }

    private static int helpful(String condition) {
        if (condition.equals("context-rich") || condition.equals("agent")) {
            return 3;
        }
        if (condition.equals("context-free")) {
            return 0;
        }
        int count = 0;
        for (Attribute attribute : Attribute.STATIC_TOP_3) {
            if (condition.equals("static-3") || condition.contains(attribute.label())) {
                count++;
            }
        }
        return count;
    }

    private static int clamp(int score) {
        return Math.max(1, Math.min(5, score));
    }
}
