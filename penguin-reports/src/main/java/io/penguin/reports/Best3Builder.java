package io.penguin.reports;

import io.penguin.core.Attribute;
import io.penguin.core.Condition;
import io.penguin.reports.RunReport.AttributeWins;
import io.penguin.reports.RunReport.Best3Winners;
import io.penguin.reports.RunReport.TripleWins;
import io.penguin.reports.RunUnits.Unit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Per model, which attributes and triples won best-3 most often. */
final class Best3Builder {

    private Best3Builder() {}

    static List<Best3Winners> winners(RunUnits units) {
        List<Best3Winners> best3 = new ArrayList<>();
        for (String model : units.models()) {
            Map<String, Unit> best = units.of(model, Families.BEST_3);
            if (best != null) {
                best3.add(winners(model, best));
            }
        }
        return best3;
    }

    private static Best3Winners winners(String model, Map<String, Unit> best) {
        Map<Attribute, Integer> attributeWins = new EnumMap<>(Attribute.class);
        Map<String, Integer> tripleWins = new TreeMap<>();
        for (Unit unit : best.values()) {
            Condition condition = Condition.parse(unit.winningCondition());
            for (Attribute attribute : condition.visibleInOrder()) {
                attributeWins.merge(attribute, 1, Integer::sum);
            }
            String triple =
                    condition.visibleInOrder().stream().map(Attribute::label).collect(Collectors.joining(" + "));
            tripleWins.merge(triple, 1, Integer::sum);
        }
        int scenarios = best.size();
        List<AttributeWins> attributes = attributeWins.entrySet().stream()
                .sorted(Map.Entry.<Attribute, Integer>comparingByValue().reversed())
                .map(e -> new AttributeWins(e.getKey().label(), e.getValue(), (double) e.getValue() / scenarios))
                .toList();
        List<TripleWins> triples = tripleWins.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(5)
                .map(e -> new TripleWins(e.getKey(), e.getValue()))
                .toList();
        return new Best3Winners(model, scenarios, attributes, triples);
    }
}
