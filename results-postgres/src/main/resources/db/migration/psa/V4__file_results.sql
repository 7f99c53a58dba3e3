-- API.md "S3 batch scoring": one row per uploaded file, keyed by what S3 delivered (bucket, key,
-- and the version id, or the ETag in an unversioned bucket), so that a redelivered event or a
-- retry after a crash finds the file done and scores nothing twice.
-- (V3 holds the dead letters, V5 the alarm episodes; V2 was never used.)
CREATE TABLE file_results (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    bucket            TEXT             NOT NULL,
    object_key        TEXT             NOT NULL,
    object_version    TEXT             NOT NULL,
    status            TEXT             NOT NULL CHECK (status IN ('scored', 'failed')),
    model_name        TEXT,
    model_version     TEXT,
    rows_read         BIGINT           NOT NULL DEFAULT 0,
    segments          INTEGER          NOT NULL DEFAULT 0,
    gaps              INTEGER          NOT NULL DEFAULT 0,
    windows           BIGINT           NOT NULL DEFAULT 0,
    anomalous_windows BIGINT           NOT NULL DEFAULT 0,
    max_score         DOUBLE PRECISION,
    threshold         DOUBLE PRECISION,
    first_ts_ms       BIGINT,
    last_ts_ms        BIGINT,
    output_key        TEXT             NOT NULL,
    error_code        TEXT,
    error_message     TEXT,
    error_field       TEXT,
    error_line        BIGINT,
    duration_ms       DOUBLE PRECISION NOT NULL,
    finished_at       TIMESTAMPTZ      NOT NULL DEFAULT now(),
    UNIQUE (bucket, object_key, object_version)
);

CREATE INDEX file_results_time ON file_results (finished_at);
