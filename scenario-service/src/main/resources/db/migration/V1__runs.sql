-- A run and its work items; the unique identity makes progress updates idempotent.
CREATE TABLE run (
    id           VARCHAR(64) PRIMARY KEY,
    models       JSONB NOT NULL,
    conditions   JSONB NOT NULL,
    judge_model  VARCHAR(128) NOT NULL,
    status       VARCHAR(16) NOT NULL,
    total_items  INTEGER NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at TIMESTAMP WITH TIME ZONE
);

CREATE SEQUENCE work_item_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE work_item (
    id                 BIGINT PRIMARY KEY,
    run_id             VARCHAR(64) NOT NULL REFERENCES run (id),
    scenario_id        VARCHAR(128) NOT NULL,
    condition_id       VARCHAR(128) NOT NULL,
    model              VARCHAR(128) NOT NULL,
    domain             VARCHAR(32) NOT NULL,
    status             VARCHAR(16) NOT NULL,
    safety_score       DOUBLE PRECISION,
    judgement_event_id UUID,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT work_item_identity UNIQUE (run_id, scenario_id, condition_id, model)
);

CREATE INDEX work_item_by_run_status ON work_item (run_id, status);
