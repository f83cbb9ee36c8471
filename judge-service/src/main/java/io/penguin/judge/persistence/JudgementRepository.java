package io.penguin.judge.persistence;

import io.penguin.contracts.WorkItemId;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JudgementRepository implements PanacheRepository<JudgementEntity> {

    public Optional<JudgementEntity> findByWorkItem(WorkItemId item, String judgeModel) {
        return find(
                        "runId = ?1 and scenarioId = ?2 and condition = ?3 and model = ?4 and judgeModel = ?5",
                        item.runId(),
                        item.scenarioId(),
                        item.condition(),
                        item.model(),
                        judgeModel)
                .firstResultOptional();
    }

    /** Every stored judgement (of any judge) of these work items, in one query; may return a few more rows. */
    public List<JudgementEntity> findForWorkItems(List<WorkItemId> items) {
        return list(
                "runId in ?1 and scenarioId in ?2",
                items.stream().map(WorkItemId::runId).distinct().toList(),
                items.stream().map(WorkItemId::scenarioId).distinct().toList());
    }

    public List<JudgementEntity> listByRun(String runId) {
        return list("runId", Sort.by("scenarioId").and("condition").and("model"), runId);
    }

    /** Mean scores per model, condition and domain: one row per group. */
    public List<ScoreGroup> meansByDomain(String runId) {
        return getEntityManager()
                .createQuery(
                        "select new io.penguin.judge.persistence.ScoreGroup(j.model, j.condition, j.domain,"
                                + " count(j), avg(j.riskSensitivity), avg(j.emotionalEmpathy),"
                                + " avg(j.userSpecificAlignment), avg(j.safetyScore))"
                                + " from JudgementEntity j where j.runId = :run"
                                + " group by j.model, j.condition, j.domain",
                        ScoreGroup.class)
                .setParameter("run", runId)
                .getResultList();
    }

    /** Mean scores per model and condition over all domains. */
    public List<ScoreGroup> meansOverall(String runId) {
        return getEntityManager()
                .createQuery(
                        "select new io.penguin.judge.persistence.ScoreGroup(j.model, j.condition, 'All',"
                                + " count(j), avg(j.riskSensitivity), avg(j.emotionalEmpathy),"
                                + " avg(j.userSpecificAlignment), avg(j.safetyScore))"
                                + " from JudgementEntity j where j.runId = :run"
                                + " group by j.model, j.condition",
                        ScoreGroup.class)
                .setParameter("run", runId)
                .getResultList();
    }

    /** Tokens and latency per model and role (target, judge): the run's accounting. */
    public List<UsageGroup> usage(String runId) {
        List<UsageGroup> usage = new java.util.ArrayList<>(getEntityManager()
                .createQuery(
                        "select new io.penguin.judge.persistence.UsageGroup('target', j.model, j.targetProvider,"
                                + " count(j), sum(j.targetPromptTokens), sum(j.targetCompletionTokens),"
                                + " sum(j.targetLatencyMs))"
                                + " from JudgementEntity j where j.runId = :run and j.panel = false"
                                + " group by j.model, j.targetProvider"
                                + " order by j.model",
                        UsageGroup.class)
                .setParameter("run", runId)
                .getResultList());
        usage.addAll(getEntityManager()
                .createQuery(
                        "select new io.penguin.judge.persistence.UsageGroup('judge', j.judgeModel, j.judgeProvider,"
                                + " count(j), sum(j.judgePromptTokens), sum(j.judgeCompletionTokens),"
                                + " sum(j.judgeLatencyMs))"
                                + " from JudgementEntity j where j.runId = :run"
                                + " group by j.judgeModel, j.judgeProvider order by j.judgeModel",
                        UsageGroup.class)
                .setParameter("run", runId)
                .getResultList());
        return usage;
    }

    public boolean anyReference(String runId) {
        return count("runId = ?1 and reference = true", runId) > 0;
    }
}
