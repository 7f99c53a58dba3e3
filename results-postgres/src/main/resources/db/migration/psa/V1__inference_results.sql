-- API.md "Persistence": one row per answered request (cached answers included).
-- Unqualified names: Flyway sets the search path to the configured schema.
CREATE TABLE inference_results (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id     TEXT             NOT NULL UNIQUE,
    asset_id       TEXT,
    model_name     TEXT             NOT NULL,
    model_version  TEXT             NOT NULL,
    received_at    TIMESTAMPTZ      NOT NULL,
    first_ts_ms    BIGINT           NOT NULL,
    last_ts_ms     BIGINT           NOT NULL,
    sample_count   INTEGER          NOT NULL CHECK (sample_count >= 0),
    window_count   INTEGER          NOT NULL CHECK (window_count >= 0),
    anomaly_score  DOUBLE PRECISION NOT NULL,
    is_anomaly     BOOLEAN          NOT NULL,
    threshold      DOUBLE PRECISION NOT NULL,
    window_scores  DOUBLE PRECISION[] NOT NULL,
    source         TEXT             NOT NULL,
    latency_ms     DOUBLE PRECISION NOT NULL,
    cached         BOOLEAN          NOT NULL DEFAULT FALSE
);

-- the dashboard's questions: one asset over time, everything recent
CREATE INDEX inference_results_asset_time ON inference_results (asset_id, received_at);
CREATE INDEX inference_results_time ON inference_results (received_at);
