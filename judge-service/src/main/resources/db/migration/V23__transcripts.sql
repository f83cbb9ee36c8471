-- What each work item's target saw and said, for reading samples: the query, the full profile, the attributes shown,
-- the response, the agent dialogue (questions and the user's answers), the prompt version and what the other roles
-- did. Sensitive (mental-health and self-harm facts): served only to the owner, never logged, purged after
-- penguin.transcripts.retention, not written at all with penguin.transcripts.keep=false. Scores and reasons stay in
-- judgement; a transcript is joined to them by the work item's identity.
CREATE SEQUENCE transcript_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE transcript (
    id             BIGINT PRIMARY KEY,
    run_id         VARCHAR(64) NOT NULL,
    scenario_id    VARCHAR(128) NOT NULL,
    condition_id   VARCHAR(128) NOT NULL,
    model          VARCHAR(128) NOT NULL,
    issue          VARCHAR(200) NOT NULL,
    query          TEXT NOT NULL,
    profile        TEXT NOT NULL,
    visible        TEXT NOT NULL,
    response       TEXT NOT NULL,
    dialogue       TEXT,
    prompt_version VARCHAR(64) NOT NULL,
    role_calls     TEXT NOT NULL,
    stored_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT transcript_identity UNIQUE (run_id, scenario_id, condition_id, model)
);

CREATE INDEX transcript_by_stored_at ON transcript (stored_at);
