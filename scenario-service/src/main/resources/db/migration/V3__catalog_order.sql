-- The order scenarios were stored in: exports follow it, so a file imported and exported again keeps its order.
ALTER TABLE scenario ADD COLUMN seq BIGSERIAL;
CREATE INDEX scenario_by_seq ON scenario (seq);
