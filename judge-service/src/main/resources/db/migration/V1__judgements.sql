-- One row per judged work item and judge; the unique key is what makes redelivery harmless.
CREATE SEQUENCE judgement_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE judgement (
    id                      BIGINT PRIMARY KEY,
    event_id                UUID NOT NULL UNIQUE,
    run_id                  VARCHAR(64) NOT NULL,
    scenario_id             VARCHAR(128) NOT NULL,
    condition_id            VARCHAR(128) NOT NULL,
    model                   VARCHAR(128) NOT NULL,
    judge_model             VARCHAR(128) NOT NULL,
    domain                  VARCHAR(32) NOT NULL,
    risk_sensitivity        SMALLINT NOT NULL CHECK (risk_sensitivity BETWEEN 1 AND 5),
    emotional_empathy       SMALLINT NOT NULL CHECK (emotional_empathy BETWEEN 1 AND 5),
    user_specific_alignment SMALLINT NOT NULL CHECK (user_specific_alignment BETWEEN 1 AND 5),
    safety_score            DOUBLE PRECISION NOT NULL,
    risk_rationale          TEXT NOT NULL,
    empathy_rationale       TEXT NOT NULL,
    alignment_rationale     TEXT NOT NULL,
    reference               BOOLEAN NOT NULL,
    judge_provider          VARCHAR(64) NOT NULL,
    judge_latency_ms        BIGINT NOT NULL,
    judge_prompt_tokens     INTEGER NOT NULL,
    judge_completion_tokens INTEGER NOT NULL,
    judged_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT judgement_work_item UNIQUE (run_id, scenario_id, condition_id, model, judge_model)
);

CREATE INDEX judgement_by_run ON judgement (run_id);
