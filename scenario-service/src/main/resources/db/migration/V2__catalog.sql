-- The scenario catalog. The id is stable (built-in ids, or a hash of issue, profile and query), so re-importing or
-- regenerating the same scenario finds it again; the split is decided once, when the scenario is first stored.
CREATE TABLE scenario (
    id          VARCHAR(64) PRIMARY KEY,
    domain      VARCHAR(32) NOT NULL,
    subcategory VARCHAR(128) NOT NULL,
    issue       VARCHAR(128) NOT NULL,
    query       TEXT NOT NULL,
    profile     JSONB NOT NULL,
    split       VARCHAR(8) NOT NULL,
    source      VARCHAR(16) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX scenario_by_place ON scenario (domain, subcategory, issue);
CREATE INDEX scenario_by_issue_split ON scenario (issue, split);
CREATE INDEX scenario_by_source ON scenario (source, domain);
