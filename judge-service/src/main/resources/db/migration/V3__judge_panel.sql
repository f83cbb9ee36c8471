-- Several judges may score one response; rows of panel judges (not the run's judge) are marked, so that the
-- target model's usage is counted once per work item.
ALTER TABLE judgement ADD COLUMN panel BOOLEAN NOT NULL DEFAULT FALSE;
