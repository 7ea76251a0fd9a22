-- Claim Dojo's records, version 2: the report apart from its session.
--
-- A report is about 28 KB of JSON. Kept inline, it made every `session` row
-- span its own pages, so listing a trainee's 10,000 sessions read 300 MB of
-- file for 2 MB of columns (docs/performance.md). In its own table, the
-- session rows are small and the history reads only them; a report is read
-- one at a time, by its session's id.

CREATE TABLE report (
    session_id  INTEGER PRIMARY KEY REFERENCES session(id),
    -- The report whole, as the debrief exports it (replayable).
    json        TEXT    NOT NULL
) STRICT;

INSERT INTO report (session_id, json) SELECT id, report_json FROM session;

-- Rewrites the session rows without their report.
ALTER TABLE session DROP COLUMN report_json;

-- The broken-rules query walks a trainee's sessions newest first and, for
-- each, reads its broken verdicts from this index alone (covering: status,
-- session, rule), without the rows of the verdicts kept. It replaces
-- `verdict_by_status` (status, rule, session_id), which led the planner to read
-- every trainee's broken verdicts, look up each one's session and sort them
-- all; no other question used it.
DROP INDEX verdict_by_status;
CREATE INDEX verdict_by_status_session ON verdict (status, session_id, rule);
