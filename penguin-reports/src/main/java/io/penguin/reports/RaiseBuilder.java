package io.penguin.reports;

import io.penguin.reports.RunReport.AgentQuestions;
import io.penguin.reports.RunReport.RaiseSection;
import io.penguin.reports.RunReport.ScoreRow;
import io.penguin.reports.RunUnits.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The RAISE section: Vanilla / +Agent / +Planner rows and the questions the agent asked; none without an agent. */
final class RaiseBuilder {

    private RaiseBuilder() {}

    static RaiseSection raise(RunUnits units, List<ScoreRow> scoreRows) {
        if (!units.agentic()) {
            return null;
        }
        List<ScoreRow> rows = new ArrayList<>();
        List<AgentQuestions> questions = new ArrayList<>();
        for (String model : units.models()) {
            for (String family : List.of(Families.CONTEXT_FREE, Families.AGENT, Families.PLANNER)) {
                scoreRows.stream()
                        .filter(r -> r.model().equals(model) && r.family().equals(family))
                        .findFirst()
                        .ifPresent(r -> rows.add(new ScoreRow(model, family, Families.raiseLabel(family), r.cells())));
                Map<String, Unit> agentUnits = units.of(model, family);
                if (Families.agentic(family) && agentUnits != null) {
                    double[] asked = agentUnits.values().stream()
                            .map(Unit::questionsAsked)
                            .filter(Objects::nonNull)
                            .mapToDouble(Double::doubleValue)
                            .toArray();
                    if (asked.length > 0) {
                        double meanAsked = RunUnits.mean(asked);
                        Double perQuestion = null;
                        if (meanAsked > 0 && units.of(model, Families.CONTEXT_FREE) != null) {
                            perQuestion = (ScoresBuilder.allMean(scoreRows, model, family)
                                            - ScoresBuilder.allMean(scoreRows, model, Families.CONTEXT_FREE))
                                    / meanAsked;
                        }
                        questions.add(new AgentQuestions(model, family, meanAsked, perQuestion, asked.length));
                    }
                }
            }
        }
        return new RaiseSection(rows, questions);
    }
}
