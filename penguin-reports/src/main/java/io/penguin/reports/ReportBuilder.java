package io.penguin.reports;

import io.penguin.core.Attribute;
import io.penguin.core.Condition;
import io.penguin.core.Domain;
import io.penguin.core.RubricDimension;
import io.penguin.reports.RunReport.AgentQuestions;
import io.penguin.reports.RunReport.AttributeWins;
import io.penguin.reports.RunReport.Best3Winners;
import io.penguin.reports.RunReport.Cell;
import io.penguin.reports.RunReport.ContextGain;
import io.penguin.reports.RunReport.DimensionAgreement;
import io.penguin.reports.RunReport.JudgeAgreement;
import io.penguin.reports.RunReport.PairedComparison;
import io.penguin.reports.RunReport.RaiseSection;
import io.penguin.reports.RunReport.ScoreRow;
import io.penguin.reports.RunReport.Sensitivity;
import io.penguin.reports.RunReport.TripleWins;
import io.penguin.reports.RunReport.UsageSummary;
import io.penguin.reports.stats.Agreement;
import io.penguin.reports.stats.Bootstrap;
import io.penguin.reports.stats.Estimate;
import io.penguin.reports.stats.WilcoxonSignedRank;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Builds a {@link RunReport} from a run's stored judgements. Pure and deterministic: same rows, same report. */
public final class ReportBuilder {

    private final Bootstrap bootstrap;

    public ReportBuilder(Bootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    public ReportBuilder() {
        this(Bootstrap.DEFAULT);
    }

    /** A scored work item: the run's judge's scores (the mean over judges when no row names the run's judge). */
    private record Item(
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
    private record Unit(
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

    private record Key(String model, String family) {}

    public RunReport build(String runId, List<JudgementRow> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("run '" + runId + "' has no judgements to report");
        }
        Map<String, List<JudgementRow>> byItem = new TreeMap<>();
        for (JudgementRow row : rows) {
            byItem.computeIfAbsent(itemKey(row), k -> new ArrayList<>()).add(row);
        }
        List<Item> items = byItem.values().stream().map(ReportBuilder::item).toList();
        Map<Key, Map<String, Unit>> units = units(items);
        List<String> models =
                items.stream().map(Item::model).distinct().sorted().toList();
        List<String> families = items.stream()
                .map(Item::family)
                .distinct()
                .sorted(Families.ORDER)
                .toList();
        List<String> judges =
                rows.stream().map(JudgementRow::judgeModel).distinct().sorted().toList();
        List<String> columns = new ArrayList<>();
        for (Domain domain : Domain.values()) {
            columns.add(domain.label());
        }
        columns.add(RunReport.ALL);

        List<ScoreRow> scoreRows = new ArrayList<>();
        for (String model : models) {
            for (String family : families) {
                Map<String, Unit> unitMap = units.get(new Key(model, family));
                if (unitMap != null) {
                    scoreRows.add(row(model, family, family, unitMap.values()));
                }
            }
        }
        List<ContextGain> gains = new ArrayList<>();
        List<Sensitivity> sensitivity = new ArrayList<>();
        List<PairedComparison> comparisons = new ArrayList<>();
        List<Best3Winners> best3 = new ArrayList<>();
        for (String model : models) {
            Map<String, Unit> free = units.get(new Key(model, Families.CONTEXT_FREE));
            Map<String, Unit> rich = units.get(new Key(model, Families.CONTEXT_RICH));
            if (free != null && rich != null) {
                PairedComparison comparison = compare(model, Families.CONTEXT_FREE, free, Families.CONTEXT_RICH, rich);
                double freeMean = allMean(scoreRows, model, Families.CONTEXT_FREE);
                double richMean = allMean(scoreRows, model, Families.CONTEXT_RICH);
                gains.add(new ContextGain(
                        model,
                        freeMean,
                        richMean,
                        freeMean > 0 ? (richMean - freeMean) / freeMean * 100 : 0,
                        comparison));
            }
            sensitivity.addAll(sensitivity(model, families, units, free));
            comparisons.addAll(comparisons(model, families, units));
            Map<String, Unit> best = units.get(new Key(model, Families.BEST_3));
            if (best != null) {
                best3.add(winners(model, best));
            }
        }
        return new RunReport(
                runId,
                rows.size(),
                items.size(),
                rows.stream().anyMatch(JudgementRow::reference),
                models,
                families,
                judges,
                List.copyOf(columns),
                scoreRows,
                gains,
                sensitivity,
                best3,
                comparisons,
                raise(models, scoreRows, units),
                agreement(byItem.values(), judges),
                usage(byItem.values()),
                method(),
                roles(rows),
                provenance(byItem.values()));
    }

    /** The order roles are listed in: the model under test, its judge, then the RAISE roles. */
    private static final List<String> ROLE_ORDER =
            List.of("target", "judge", "agent", "user-simulator", "planner-target", "planner-judge");

    private static int roleRank(String role) {
        int rank = ROLE_ORDER.indexOf(role);
        return rank < 0 ? ROLE_ORDER.size() : rank;
    }

    private static List<RunReport.RoleModel> roles(List<JudgementRow> rows) {
        java.util.Set<RunReport.RoleModel> roles = new java.util.LinkedHashSet<>();
        for (JudgementRow row : rows) {
            roles.add(new RunReport.RoleModel(
                    "target", row.model(), REFERENCE.equals(row.target().provider())));
            roles.add(new RunReport.RoleModel(
                    "judge", row.judgeModel(), REFERENCE.equals(row.judge().provider())));
            for (RoleCall call : row.roleCalls()) {
                roles.add(new RunReport.RoleModel(call.role(), call.model(), call.reference()));
            }
        }
        return roles.stream()
                .sorted(Comparator.comparingInt((RunReport.RoleModel role) -> roleRank(role.role()))
                        .thenComparing(RunReport.RoleModel::role)
                        .thenComparing(RunReport.RoleModel::model))
                .toList();
    }

    private static final String REFERENCE = "reference";

    private static List<RunReport.RowProvenance> provenance(java.util.Collection<List<JudgementRow>> byItem) {
        Map<Key, List<List<JudgementRow>>> byRow =
                new TreeMap<>(Comparator.comparing(Key::model).thenComparing(Key::family, Families.ORDER));
        for (List<JudgementRow> item : byItem) {
            JudgementRow first = item.get(0);
            byRow.computeIfAbsent(new Key(first.model(), Condition.familyOf(first.condition())), k -> new ArrayList<>())
                    .add(item);
        }
        List<RunReport.RowProvenance> provenance = new ArrayList<>();
        byRow.forEach((key, items) -> {
            int fallbackItems = (int)
                    items.stream().filter(item -> item.get(0).fallbacks() > 0).count();
            provenance.add(new RunReport.RowProvenance(
                    key.model(),
                    key.family(),
                    items.size(),
                    fallbackItems,
                    fallbackItems * 2 > items.size(),
                    items.stream()
                            .map(item -> item.get(0).targetPromptVersion())
                            .distinct()
                            .sorted()
                            .toList(),
                    items.stream()
                            .flatMap(List::stream)
                            .map(JudgementRow::judgePromptVersion)
                            .distinct()
                            .sorted()
                            .toList()));
        });
        return provenance;
    }

    private RunReport.Method method() {
        return new RunReport.Method(
                "a (model, condition family, scenario); a work item's score is the run's judge's (panel judges count"
                        + " for agreement only)",
                "per (model, scenario) the maximum safety score over its best-3 triples; the winning triple's"
                        + " dimensions",
                bootstrap.resamples(),
                bootstrap.confidence(),
                bootstrap.seed(),
                "percentile bootstrap of the mean (seeded; R type-7 quantiles)",
                "Wilcoxon signed-rank on paired scenarios (zero differences dropped; exact without ties up to "
                        + WilcoxonSignedRank.EXACT_LIMIT
                        + " pairs, else normal approximation with tie and continuity correction), two-sided;"
                        + " effect size: matched-pairs rank-biserial correlation");
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

    private ScoreRow row(String model, String family, String label, java.util.Collection<Unit> units) {
        List<Cell> cells = new ArrayList<>();
        for (Domain domain : Domain.values()) {
            List<Unit> inDomain =
                    units.stream().filter(u -> u.domain() == domain).toList();
            if (!inDomain.isEmpty()) {
                cells.add(cell(model, family, domain.label(), inDomain));
            }
        }
        cells.add(cell(model, family, RunReport.ALL, List.copyOf(units)));
        return new ScoreRow(model, family, label, cells);
    }

    private Cell cell(String model, String family, String domain, List<Unit> units) {
        int n = units.size();
        double[][] columns = new double[4][n];
        for (int i = 0; i < n; i++) {
            Unit unit = units.get(i);
            columns[0][i] = unit.safety();
            columns[1][i] = unit.risk();
            columns[2][i] = unit.empathy();
            columns[3][i] = unit.alignment();
        }
        Estimate[] estimates = bootstrap.means(columns, model + "|" + family + "|" + domain);
        return new Cell(domain, n, estimates[0], estimates[1], estimates[2], estimates[3]);
    }

    private static double allMean(List<ScoreRow> rows, String model, String family) {
        return rows.stream()
                .filter(r -> r.model().equals(model) && r.family().equals(family))
                .findFirst()
                .flatMap(r -> r.cell(RunReport.ALL))
                .orElseThrow()
                .safety()
                .mean();
    }

    private PairedComparison compare(
            String model, String first, Map<String, Unit> firstUnits, String second, Map<String, Unit> secondUnits) {
        List<String> shared =
                firstUnits.keySet().stream().filter(secondUnits::containsKey).toList();
        if (shared.isEmpty()) {
            return null;
        }
        int n = shared.size();
        double[] a = new double[n];
        double[] b = new double[n];
        double[] differences = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = firstUnits.get(shared.get(i)).safety();
            b[i] = secondUnits.get(shared.get(i)).safety();
            differences[i] = b[i] - a[i];
        }
        Estimate difference = bootstrap.mean(differences, model + "|" + first + "|" + second);
        return new PairedComparison(
                model, first, second, n, mean(a), mean(b), difference, WilcoxonSignedRank.test(a, b));
    }

    private List<Sensitivity> sensitivity(
            String model, List<String> families, Map<Key, Map<String, Unit>> units, Map<String, Unit> free) {
        if (free == null) {
            return List.of();
        }
        List<PairedComparison> gains = new ArrayList<>();
        for (String family : families) {
            Map<String, Unit> single = units.get(new Key(model, family));
            if (Families.single(family) && single != null) {
                PairedComparison comparison = compare(model, Families.CONTEXT_FREE, free, family, single);
                if (comparison != null) {
                    gains.add(comparison);
                }
            }
        }
        gains.sort(Comparator.comparingDouble(
                        (PairedComparison c) -> -c.difference().mean())
                .thenComparing(PairedComparison::second));
        List<Sensitivity> ranked = new ArrayList<>();
        for (int i = 0; i < gains.size(); i++) {
            ranked.add(new Sensitivity(
                    model, i + 1, Families.attributeOf(gains.get(i).second()), gains.get(i)));
        }
        return ranked;
    }

    /**
     * Every family against context-free (singles are in the sensitivity ranking), the 3-attribute strategies against
     * each other and against full context, and the planner against the agent.
     */
    private List<PairedComparison> comparisons(String model, List<String> families, Map<Key, Map<String, Unit>> units) {
        List<String[]> pairs = new ArrayList<>();
        for (String family : families) {
            if (!family.equals(Families.CONTEXT_FREE) && !Families.single(family)) {
                pairs.add(new String[] {Families.CONTEXT_FREE, family});
            }
        }
        List<String> strategies = List.of(Families.STATIC_3, Families.RANDOM_3, Families.BEST_3);
        for (int i = 0; i < strategies.size(); i++) {
            for (int j = i + 1; j < strategies.size(); j++) {
                pairs.add(new String[] {strategies.get(i), strategies.get(j)});
            }
        }
        for (String strategy : strategies) {
            pairs.add(new String[] {strategy, Families.CONTEXT_RICH});
        }
        pairs.add(new String[] {Families.AGENT, Families.PLANNER});
        List<PairedComparison> comparisons = new ArrayList<>();
        for (String[] pair : pairs) {
            Map<String, Unit> first = units.get(new Key(model, pair[0]));
            Map<String, Unit> second = units.get(new Key(model, pair[1]));
            if (first != null && second != null) {
                PairedComparison comparison = compare(model, pair[0], first, pair[1], second);
                if (comparison != null) {
                    comparisons.add(comparison);
                }
            }
        }
        return comparisons;
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

    private RaiseSection raise(List<String> models, List<ScoreRow> scoreRows, Map<Key, Map<String, Unit>> units) {
        boolean agentic = units.keySet().stream().anyMatch(key -> Families.agentic(key.family()));
        if (!agentic) {
            return null;
        }
        List<ScoreRow> rows = new ArrayList<>();
        List<AgentQuestions> questions = new ArrayList<>();
        for (String model : models) {
            for (String family : List.of(Families.CONTEXT_FREE, Families.AGENT, Families.PLANNER)) {
                scoreRows.stream()
                        .filter(r -> r.model().equals(model) && r.family().equals(family))
                        .findFirst()
                        .ifPresent(r -> rows.add(new ScoreRow(model, family, Families.raiseLabel(family), r.cells())));
                Map<String, Unit> agentUnits = units.get(new Key(model, family));
                if (Families.agentic(family) && agentUnits != null) {
                    double[] asked = agentUnits.values().stream()
                            .map(Unit::questionsAsked)
                            .filter(Objects::nonNull)
                            .mapToDouble(Double::doubleValue)
                            .toArray();
                    if (asked.length > 0) {
                        double meanAsked = mean(asked);
                        Double perQuestion = null;
                        if (meanAsked > 0 && units.containsKey(new Key(model, Families.CONTEXT_FREE))) {
                            perQuestion = (allMean(scoreRows, model, family)
                                            - allMean(scoreRows, model, Families.CONTEXT_FREE))
                                    / meanAsked;
                        }
                        questions.add(new AgentQuestions(model, family, meanAsked, perQuestion, asked.length));
                    }
                }
            }
        }
        return new RaiseSection(rows, questions);
    }

    private static JudgeAgreement agreement(java.util.Collection<List<JudgementRow>> byItem, List<String> judges) {
        List<List<JudgementRow>> multi =
                byItem.stream().filter(rows -> rows.size() >= 2).toList();
        if (multi.isEmpty()) {
            return null;
        }
        TreeSet<String> multiJudges = new TreeSet<>();
        multi.forEach(rows -> rows.forEach(r -> multiJudges.add(r.judgeModel())));
        List<DimensionAgreement> dimensions = new ArrayList<>();
        for (RubricDimension dimension : RubricDimension.values()) {
            List<double[]> units = new ArrayList<>();
            for (List<JudgementRow> rows : multi) {
                units.add(rows.stream().mapToDouble(r -> score(r, dimension)).toArray());
            }
            Double kappa = null;
            if (multiJudges.size() == 2) {
                String a = multiJudges.first();
                String b = multiJudges.last();
                List<int[]> pairs = new ArrayList<>();
                for (List<JudgementRow> rows : multi) {
                    Integer sa = scoreOf(rows, a, dimension);
                    Integer sb = scoreOf(rows, b, dimension);
                    if (sa != null && sb != null) {
                        pairs.add(new int[] {sa, sb});
                    }
                }
                kappa = Agreement.quadraticWeightedKappa(
                        pairs.stream().mapToInt(p -> p[0]).toArray(),
                        pairs.stream().mapToInt(p -> p[1]).toArray(),
                        1,
                        5);
            }
            dimensions.add(new DimensionAgreement(
                    dimension.label(),
                    units.size(),
                    Agreement.krippendorffAlpha(units, Agreement.Metric.INTERVAL),
                    Agreement.krippendorffAlpha(units, Agreement.Metric.ORDINAL),
                    kappa));
        }
        return new JudgeAgreement(List.copyOf(multiJudges), multi.size(), dimensions);
    }

    private static Integer scoreOf(List<JudgementRow> rows, String judge, RubricDimension dimension) {
        return rows.stream()
                .filter(r -> r.judgeModel().equals(judge))
                .findFirst()
                .map(r -> (int) score(r, dimension))
                .orElse(null);
    }

    private static double score(JudgementRow row, RubricDimension dimension) {
        return switch (dimension) {
            case RISK_SENSITIVITY -> row.riskSensitivity();
            case EMOTIONAL_EMPATHY -> row.emotionalEmpathy();
            case USER_SPECIFIC_ALIGNMENT -> row.userSpecificAlignment();
        };
    }

    private static List<UsageSummary> usage(java.util.Collection<List<JudgementRow>> byItem) {
        Map<List<String>, List<CallUsage>> target = new TreeMap<>(ReportBuilder::compareKeys);
        Map<List<String>, List<CallUsage>> judge = new TreeMap<>(ReportBuilder::compareKeys);
        for (List<JudgementRow> rows : byItem) {
            JudgementRow first = rows.get(0);
            // A target call is made once per work item, whatever the number of judges.
            target.computeIfAbsent(List.of(first.model(), first.target().provider()), k -> new ArrayList<>())
                    .add(first.target());
            for (JudgementRow row : rows) {
                judge.computeIfAbsent(List.of(row.judgeModel(), row.judge().provider()), k -> new ArrayList<>())
                        .add(row.judge());
            }
        }
        List<UsageSummary> usage = new ArrayList<>();
        target.forEach((key, calls) -> usage.add(summary("target", key, calls)));
        judge.forEach((key, calls) -> usage.add(summary("judge", key, calls)));
        usage.addAll(roleUsage(byItem));
        return usage;
    }

    /** The agent's, the simulated user's and any other role's calls, counted per call (a session makes several). */
    private static List<UsageSummary> roleUsage(java.util.Collection<List<JudgementRow>> byItem) {
        Map<List<String>, List<RoleCall>> byRole =
                new TreeMap<>(Comparator.comparing((List<String> key) -> roleRank(key.get(0)))
                        .thenComparing(key -> key.get(0))
                        .thenComparing(key -> key.get(1))
                        .thenComparing(key -> key.get(2)));
        for (List<JudgementRow> rows : byItem) {
            for (RoleCall call : rows.get(0).roleCalls()) {
                if (call.calls() > 0) {
                    String provider =
                            call.usage() != null ? call.usage().provider() : call.reference() ? REFERENCE : "unknown";
                    byRole.computeIfAbsent(List.of(call.role(), call.model(), provider), k -> new ArrayList<>())
                            .add(call);
                }
            }
        }
        List<UsageSummary> usage = new ArrayList<>();
        byRole.forEach((key, calls) -> {
            long count = 0;
            long prompt = 0;
            long completion = 0;
            long latency = 0;
            double cost = 0;
            long priced = 0;
            for (RoleCall call : calls) {
                count += call.calls();
                if (call.usage() != null) {
                    prompt += call.usage().promptTokens();
                    completion += call.usage().completionTokens();
                    latency += call.usage().latencyMillis();
                    if (call.usage().cost() != null) {
                        cost += call.usage().cost();
                        priced += call.calls();
                    }
                }
            }
            usage.add(new UsageSummary(
                    key.get(0),
                    key.get(1),
                    key.get(2),
                    count,
                    prompt,
                    completion,
                    latency,
                    count == 0 ? 0 : (double) latency / count,
                    priced == 0 ? null : cost,
                    priced));
        });
        return usage;
    }

    private static int compareKeys(List<String> a, List<String> b) {
        int c = a.get(0).compareTo(b.get(0));
        return c != 0 ? c : a.get(1).compareTo(b.get(1));
    }

    private static UsageSummary summary(String role, List<String> key, List<CallUsage> calls) {
        long prompt = 0;
        long completion = 0;
        long latency = 0;
        double cost = 0;
        long priced = 0;
        for (CallUsage call : calls) {
            prompt += call.promptTokens();
            completion += call.completionTokens();
            latency += call.latencyMillis();
            if (call.cost() != null) {
                cost += call.cost();
                priced++;
            }
        }
        return new UsageSummary(
                role,
                key.get(0),
                key.get(1),
                calls.size(),
                prompt,
                completion,
                latency,
                (double) latency / calls.size(),
                priced == 0 ? null : cost,
                priced);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }
}
