-- What the target model's call cost, next to the judge's, so a run report can account both per model and role.
ALTER TABLE judgement ADD COLUMN target_provider VARCHAR(64) NOT NULL DEFAULT 'unknown';
ALTER TABLE judgement ADD COLUMN target_latency_ms BIGINT NOT NULL DEFAULT 0;
ALTER TABLE judgement ADD COLUMN target_prompt_tokens INTEGER NOT NULL DEFAULT 0;
ALTER TABLE judgement ADD COLUMN target_completion_tokens INTEGER NOT NULL DEFAULT 0;
