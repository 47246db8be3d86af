-- The advisory index the portfolio's findings were last matched against: every advisory id with its
-- modified time and the packages it named. A re-analysis diffs the current advisory store against this,
-- not against the old generation's files, which `assay db update` deletes once a new generation commits.
-- Same dialect rules as V1 (VARCHAR, syntax H2 in PostgreSQL mode accepts).

-- A single row: whether a baseline was recorded, and from which generation.
CREATE TABLE advisory_index_state (
    id            INTEGER PRIMARY KEY,
    generation_id VARCHAR(128),
    recorded_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT advisory_index_state_single CHECK (id = 1)
);
INSERT INTO advisory_index_state (id) VALUES (1);

CREATE TABLE advisory_index (
    advisory_id VARCHAR(255) PRIMARY KEY,
    modified    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The affected[] packages of each indexed advisory, as the record wrote them (ecosystem with release), so
-- that a removed or changed advisory still re-matches the packages it used to name.
CREATE TABLE advisory_index_packages (
    advisory_id  VARCHAR(255) NOT NULL REFERENCES advisory_index (advisory_id) ON DELETE CASCADE,
    ecosystem    VARCHAR(128) NOT NULL,
    package_name VARCHAR(1024) NOT NULL,
    CONSTRAINT advisory_index_packages_pk PRIMARY KEY (advisory_id, ecosystem, package_name)
);
