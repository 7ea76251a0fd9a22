-- Claim Dojo's records, version 1. Never edit a shipped migration: add the next
-- numbered file instead (crates/claim-dojo-records/src/database.rs lists them).
--
-- Times are milliseconds since 1970-01-01 UTC (INTEGER), so they sort and compare
-- as numbers; the crate converts them with jiff.

-- Who practises on this PC. Several trainees share one file.
CREATE TABLE trainee (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE,
    created_at  INTEGER NOT NULL
) STRICT;

-- One finished session. The report is kept whole (replayable, and readable by
-- future versions); the columns beside it are what the history screen sorts,
-- filters and counts by, and stay the same when the report gains fields.
CREATE TABLE session (
    id                  INTEGER PRIMARY KEY,
    -- Made by the client from the session's content: saving or importing the
    -- same session twice stores it once.
    uid                 TEXT    NOT NULL UNIQUE,
    trainee_id          INTEGER NOT NULL REFERENCES trainee(id),
    scenario_id         TEXT    NOT NULL,
    -- SHA-256 of the scenario file as played (hex); NULL when not known (imports).
    scenario_hash       TEXT,
    seed                INTEGER NOT NULL,
    started_at          INTEGER NOT NULL,
    ended_at            INTEGER NOT NULL,
    -- Call time at the end, in milliseconds.
    call_ms             INTEGER NOT NULL,
    outcome             TEXT    NOT NULL,
    deescalation_passed INTEGER NOT NULL CHECK (deescalation_passed IN (0, 1)),
    score_total         INTEGER NOT NULL,
    score_max           INTEGER NOT NULL,
    -- A what-if restarts another session at one of its actions.
    what_if_of          INTEGER REFERENCES session(id),
    what_if_at          INTEGER,
    -- 'app' or 'import'.
    source              TEXT    NOT NULL,
    report_json         TEXT    NOT NULL
) STRICT;

CREATE INDEX session_by_trainee ON session (trainee_id, started_at);

-- The score's parts, one row each (deescalation, step1…step4, rules, outcome).
CREATE TABLE score_part (
    session_id  INTEGER NOT NULL REFERENCES session(id),
    part        TEXT    NOT NULL,
    points      INTEGER NOT NULL,
    max         INTEGER NOT NULL,
    PRIMARY KEY (session_id, part)
) STRICT, WITHOUT ROWID;

-- One row per rule verdict; status is the report's status key as text
-- ('kept', 'broken', 'not_applicable', and any key a later version adds).
CREATE TABLE verdict (
    session_id  INTEGER NOT NULL REFERENCES session(id),
    rule        TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    at_ms       INTEGER,
    PRIMARY KEY (session_id, rule)
) STRICT, WITHOUT ROWID;

CREATE INDEX verdict_by_status ON verdict (status, rule, session_id);
