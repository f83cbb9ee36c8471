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
                "#" + JudgementEntity.FOR_WORK_ITEMS,
                items.stream().map(WorkItemId::runId).distinct().toList(),
                items.stream().map(WorkItemId::scenarioId).distinct().toList());
    }

    public List<JudgementEntity> listByRun(String runId) {
        return list("runId", Sort.by("scenarioId").and("condition").and("model"), runId);
    }

    /** Scores and usage of every judgement of a run, in a stable order: the input of its report. */
    public List<JudgementScores> scores(String runId) {
        return getEntityManager()
                .createQuery(
                        "select new io.penguin.judge.persistence.JudgementScores(j.scenarioId, j.condition, j.model,"
                                + " j.judgeModel, j.panel, j.domain, j.riskSensitivity, j.emotionalEmpathy,"
                                + " j.userSpecificAlignment, j.reference, j.targetProvider, j.targetLatencyMs,"
                                + " j.targetPromptTokens, j.targetCompletionTokens, j.targetCost, j.judgeProvider,"
                                + " j.judgeLatencyMs, j.judgePromptTokens, j.judgeCompletionTokens, j.judgeCost,"
                                + " j.questionsAsked, j.targetPromptVersion, j.judgePromptVersion, j.fallbacks,"
                                + " j.roleCalls)"
                                + " from JudgementEntity j where j.runId = :run"
                                + " order by j.model, j.condition, j.scenarioId, j.judgeModel",
                        JudgementScores.class)
                .setParameter("run", runId)
                .getResultList();
    }

    public boolean anyReference(String runId) {
        return count("runId = ?1 and reference = true", runId) > 0;
    }
}
