package io.penguin.reports;

import io.penguin.reports.RunReport.UsageSummary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the run's model calls cost: per role, model and provider, calls, tokens, latency and (priced) cost. */
final class UsageBuilder {

    private UsageBuilder() {}

    static List<UsageSummary> usage(Collection<List<JudgementRow>> byItem) {
        Map<List<String>, List<CallUsage>> target = new TreeMap<>(UsageBuilder::compareKeys);
        Map<List<String>, List<CallUsage>> judge = new TreeMap<>(UsageBuilder::compareKeys);
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
    private static List<UsageSummary> roleUsage(Collection<List<JudgementRow>> byItem) {
        Map<List<String>, List<RoleCall>> byRole =
                new TreeMap<>(Comparator.comparing((List<String> key) -> ProvenanceBuilder.roleRank(key.get(0)))
                        .thenComparing(key -> key.get(0))
                        .thenComparing(key -> key.get(1))
                        .thenComparing(key -> key.get(2)));
        for (List<JudgementRow> rows : byItem) {
            for (RoleCall call : rows.get(0).roleCalls()) {
                if (call.calls() > 0) {
                    String provider = call.usage() != null
                            ? call.usage().provider()
                            : call.reference() ? ProvenanceBuilder.REFERENCE : "unknown";
                    byRole.computeIfAbsent(List.of(call.role(), call.model(), provider), k -> new ArrayList<>())
                            .add(call);
                }
            }
        }
        List<UsageSummary> usage = new ArrayList<>();
        byRole.forEach((key, calls) -> {
            Sum sum = new Sum();
            calls.forEach(call -> sum.add(call.calls(), call.usage()));
            usage.add(sum.summary(key.get(0), key.get(1), key.get(2)));
        });
        return usage;
    }

    private static int compareKeys(List<String> a, List<String> b) {
        int c = a.get(0).compareTo(b.get(0));
        return c != 0 ? c : a.get(1).compareTo(b.get(1));
    }

    private static UsageSummary summary(String role, List<String> key, List<CallUsage> calls) {
        Sum sum = new Sum();
        calls.forEach(call -> sum.add(1, call));
        return sum.summary(role, key.get(0), key.get(1));
    }

    /** One summary row's sums; a cost counts, with its calls, only where it is priced. */
    private static final class Sum {
        private long calls;
        private long prompt;
        private long completion;
        private long latency;
        private double cost;
        private long priced;

        /** {@code count} calls whose summed usage is {@code usage} (null: calls without usage, counted only). */
        void add(int count, CallUsage usage) {
            calls += count;
            if (usage == null) {
                return;
            }
            prompt += usage.promptTokens();
            completion += usage.completionTokens();
            latency += usage.latencyMillis();
            if (usage.cost() != null) {
                cost += usage.cost();
                priced += count;
            }
        }

        UsageSummary summary(String role, String model, String provider) {
            return new UsageSummary(
                    role,
                    model,
                    provider,
                    calls,
                    prompt,
                    completion,
                    latency,
                    calls == 0 ? 0 : (double) latency / calls,
                    priced == 0 ? null : cost,
                    priced);
        }
    }
}
