-- Runs at scale: the seed (random-3, best-3 sampling), judge panels, and failures with their reasons for re-drive.
ALTER TABLE run ADD COLUMN seed BIGINT NOT NULL DEFAULT 0;
ALTER TABLE run ADD COLUMN panel_judges JSONB NOT NULL DEFAULT '[]';

ALTER TABLE work_item ADD COLUMN failure_reason TEXT;
ALTER TABLE work_item ADD COLUMN failed_stage VARCHAR(32);
ALTER TABLE work_item ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1;

-- Progress: judged items per recent time window (rate and ETA).
CREATE INDEX work_item_by_run_status_updated ON work_item (run_id, status, updated_at);
