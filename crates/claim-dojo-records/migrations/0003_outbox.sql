-- The LRS outbox (issue 14): xAPI statements waiting to be sent to the learning
-- record store. A session's statements are written in the same transaction as
-- the session itself, so one is never stored without the other. A statement
-- leaves the table once the LRS has it (200, 204, or 409 on a resent id).
CREATE TABLE outbox (
    id            INTEGER PRIMARY KEY,
    -- The statement's id (UUID v5 from the session's uid and the verb): the LRS
    -- stores a statement sent twice once.
    statement_id  TEXT    NOT NULL UNIQUE,
    session_id    INTEGER NOT NULL REFERENCES session(id),
    -- The statement as JSON, exactly as it will be sent.
    statement     TEXT    NOT NULL,
    -- 'waiting' (to send, or to retry) or 'rejected' (the LRS refused it for
    -- good with a 4xx: kept for the trainer to see, never resent by itself).
    state         TEXT    NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'rejected')),
    attempts      INTEGER NOT NULL DEFAULT 0,
    -- The last failure, as the worker described it (status and LRS message).
    last_error    TEXT,
    created_at    INTEGER NOT NULL
) STRICT;

CREATE INDEX outbox_by_state ON outbox (state, id);
