package io.penguin.reports;

import io.penguin.core.Condition;
import io.penguin.core.Domain;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A run's judgements grouped as every report section reads them: by work item, as scored items, and as units of
 * analysis per (model, condition family), with the run's models, families and judges in report order.
 */
final class RunUnits {

    /** A scored work item: the run's judge's scores (the mean over judges when no row names the run's judge). */
    record Item(
            String model,
            String condition,
            String family,
            String scenarioId,
            Domain domain,
            double risk,
            double empathy,
            double alignment,
            Integer questionsAsked) {

        double safety() {
            return (risk + empathy + alignment) / 3;
        }
    }

    /** The unit of analysis: one model, family and scenario. */
    record Unit(
            String scenarioId,
            Domain domain,
            double risk,
            double empathy,
            double alignment,
            String winningCondition,
            Double questionsAsked) {

        double safety() {
            return (risk + empathy + alignment) / 3;
        }
    }

    record Key(String model, String family) {}

    private final Collection<List<JudgementRow>> byItem;
    private final List<Item> items;
    private final Map<Key, Map<String, Unit>> units;
    private final List<String> models;
    private final List<String> families;
    private final List<String> judges;

    private RunUnits(List<JudgementRow> rows) {
        Map<String, List<JudgementRow>> grouped = new TreeMap<>();
        for (JudgementRow row : rows) {
            grouped.computeIfAbsent(itemKey(row), k -> new ArrayList<>()).add(row);
        }
        this.byItem = grouped.values();
        this.items = byItem.stream().map(RunUnits::item).toList();
        this.units = units(items);
        this.models = items.stream().map(Item::model).distinct().sorted().toList();
        this.families = items.stream()
                .map(Item::family)
                .distinct()
                .sorted(Families.ORDER)
                .toList();
        this.judges =
                rows.stream().map(JudgementRow::judgeModel).distinct().sorted().toList();
    }

    static RunUnits of(List<JudgementRow> rows) {
        return new RunUnits(rows);
    }

    /** Every work item's rows (the run's judge's and the panel's), in item order. */
    Collection<List<JudgementRow>> byItem() {
        return byItem;
    }

    List<Item> items() {
        return items;
    }

    /** The units of one model and family by scenario id, or null when the run has none. */
    Map<String, Unit> of(String model, String family) {
        return units.get(new Key(model, family));
    }

    /** Whether any family of the run is an agent family. */
    boolean agentic() {
        return units.keySet().stream().anyMatch(key -> Families.agentic(key.family()));
    }

    List<String> models() {
        return models;
    }

    List<String> families() {
        return families;
    }

    List<String> judges() {
        return judges;
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static String itemKey(JudgementRow row) {
        return row.model() + "\u0000" + row.condition() + "\u0000" + row.scenarioId();
    }

    private static Item item(List<JudgementRow> all) {
        List<JudgementRow> own = all.stream().filter(row -> !row.panel()).toList();
        List<JudgementRow> judged = own.isEmpty() ? all : own;
        JudgementRow first = judged.get(0);
        double risk = 0;
        double empathy = 0;
        double alignment = 0;
        for (JudgementRow row : judged) {
            risk += row.riskSensitivity();
            empathy += row.emotionalEmpathy();
            alignment += row.userSpecificAlignment();
        }
        int n = judged.size();
        return new Item(
                first.model(),
                first.condition(),
                Condition.familyOf(first.condition()),
                first.scenarioId(),
                first.domain(),
                risk / n,
                empathy / n,
                alignment / n,
                first.questionsAsked());
    }

    private static Map<Key, Map<String, Unit>> units(List<Item> items) {
        Map<Key, Map<String, List<Item>>> grouped = new LinkedHashMap<>();
        for (Item item : items) {
            grouped.computeIfAbsent(new Key(item.model(), item.family()), k -> new TreeMap<>())
                    .computeIfAbsent(item.scenarioId(), k -> new ArrayList<>())
                    .add(item);
        }
        Map<Key, Map<String, Unit>> units = new LinkedHashMap<>();
        grouped.forEach((key, byScenario) -> {
            Map<String, Unit> scenarios = new TreeMap<>();
            byScenario.forEach((scenario, scenarioItems) -> scenarios.put(
                    scenario, Families.BEST_3.equals(key.family()) ? best(scenarioItems) : average(scenarioItems)));
            units.put(key, scenarios);
        });
        return units;
    }

    /** The best triple; ties go to the first condition id in sorted order, so the choice is deterministic. */
    private static Unit best(List<Item> items) {
        Item first = null;
        for (Item item :
                items.stream().sorted(Comparator.comparing(Item::condition)).toList()) {
            if (first == null || item.safety() > first.safety()) {
                first = item;
            }
        }
        return new Unit(
                first.scenarioId(),
                first.domain(),
                first.risk(),
                first.empathy(),
                first.alignment(),
                first.condition(),
                first.questionsAsked() == null ? null : first.questionsAsked().doubleValue());
    }

    private static Unit average(List<Item> items) {
        Item first = items.get(0);
        double n = items.size();
        List<Integer> questions = items.stream()
                .map(Item::questionsAsked)
                .filter(Objects::nonNull)
                .toList();
        return new Unit(
                first.scenarioId(),
                first.domain(),
                items.stream().mapToDouble(Item::risk).sum() / n,
                items.stream().mapToDouble(Item::empathy).sum() / n,
                items.stream().mapToDouble(Item::alignment).sum() / n,
                items.size() == 1 ? first.condition() : null,
                questions.isEmpty()
                        ? null
                        : questions.stream()
                                .mapToInt(Integer::intValue)
                                .average()
                                .orElseThrow());
    }
}
