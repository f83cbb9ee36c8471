package io.penguin.reports;

import io.penguin.core.Condition;
import io.penguin.reports.RunUnits.Key;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Who produced the numbers: the model of every role, and per report row its fallbacks and prompt versions. */
final class ProvenanceBuilder {

    static final String REFERENCE = "reference";

    /** The order roles are listed in: the model under test, its judge, then the RAISE roles. */
    private static final List<String> ROLE_ORDER =
            List.of("target", "judge", "agent", "user-simulator", "planner-target", "planner-judge");

    private ProvenanceBuilder() {}

    static int roleRank(String role) {
        int rank = ROLE_ORDER.indexOf(role);
        return rank < 0 ? ROLE_ORDER.size() : rank;
    }

    static List<RunReport.RoleModel> roles(List<JudgementRow> rows) {
        Set<RunReport.RoleModel> roles = new LinkedHashSet<>();
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

    static List<RunReport.RowProvenance> provenance(Collection<List<JudgementRow>> byItem) {
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
}
