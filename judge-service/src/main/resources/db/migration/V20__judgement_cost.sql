-- What each call cost, in the endpoint's price units: NULL when no price is configured (unknown, not free), 0 for the
-- offline reference models and cache hits. Numbered 20 to stay clear of the run-side migrations (V3..V19).
ALTER TABLE judgement ADD COLUMN target_cost DOUBLE PRECISION;
ALTER TABLE judgement ADD COLUMN judge_cost DOUBLE PRECISION;
