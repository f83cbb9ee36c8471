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
}
