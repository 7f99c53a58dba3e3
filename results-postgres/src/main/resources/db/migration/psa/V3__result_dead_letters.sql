-- Rows the database refused (a value it cannot store) and spill lines that were not results,
-- kept with the reason instead of blocking every later result (ADR 22). The payload is the row
-- as one JSON line with every non-ASCII character escaped, so it always fits here.
CREATE TABLE result_dead_letters (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id      TEXT,
    failed_at       TIMESTAMPTZ NOT NULL,
    sql_state       TEXT,
    reason          TEXT        NOT NULL,
    payload         TEXT        NOT NULL,
    -- a row dead-lettered again after a restart mid-replay is one row
    payload_sha256  TEXT        NOT NULL UNIQUE
);

CREATE INDEX result_dead_letters_time ON result_dead_letters (failed_at);
