-- Claim Dojo's records, version 4: each session's rises, for the cohort report
-- (issue 14).
--
-- The cohort report counts, per (scenario, node, choice), how often and how
-- much the customer's anger rose after that choice, with the words said. Read
-- from the report JSON, that meant parsing 28–31 KB per session (90 % of it
-- the rules' texts) to find a few marks and their choice lines: 100,000
-- sessions were 3 GB of JSON. Kept here at save time, the report reads these
-- rows, the session's columns and its broken verdicts, and no JSON.
--
-- A rise is a mark of the report's `marks` whose anger went up (`to` > `from`)
-- and that names a choice, with the first choice line of the transcript that
-- said that choice (its node and words). Rows are in the marks' order (`seq`).
-- Sessions stored before this version are filled in from their stored
-- reports by the migration's hook (`database.rs`), in the same transaction.
CREATE TABLE rise (
    session_id  INTEGER NOT NULL REFERENCES session(id),
    seq         INTEGER NOT NULL,
    node        TEXT    NOT NULL,
    choice      TEXT    NOT NULL,
    -- `to` − `from`, as the report's rounded anger levels give it.
    rise        REAL    NOT NULL,
    -- The words said, in both languages ('' when the line had none).
    ja          TEXT    NOT NULL,
    en          TEXT    NOT NULL,
    PRIMARY KEY (session_id, seq)
) STRICT, WITHOUT ROWID;

-- The cohort report walks every session oldest first: in this order the walk
-- needs no sort of the whole table.
CREATE INDEX session_by_start ON session (started_at);
