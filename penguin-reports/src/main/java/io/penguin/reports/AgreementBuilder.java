package io.penguin.reports;

import io.penguin.core.RubricDimension;
import io.penguin.reports.RunReport.DimensionAgreement;
import io.penguin.reports.RunReport.JudgeAgreement;
import io.penguin.reports.stats.Agreement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Agreement between judges on the work items more than one judged; none when every item has one judge. */
final class AgreementBuilder {

    private AgreementBuilder() {}

    static JudgeAgreement agreement(Collection<List<JudgementRow>> byItem) {
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
}
