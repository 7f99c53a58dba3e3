-- Alarm episodes (docs/detection.md): one row per episode an answer named, in the same
-- transaction as its inference_results row. Unqualified names: the migration runs with the
-- search path set to the configured schema.
CREATE TABLE anomaly_episodes (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id    TEXT             NOT NULL,
    ordinal       INTEGER          NOT NULL CHECK (ordinal >= 0),
    asset_id      TEXT,
    model_name    TEXT             NOT NULL,
    model_version TEXT             NOT NULL,
    start_ts_ms   BIGINT           NOT NULL,
    end_ts_ms     BIGINT           NOT NULL,
    windows       INTEGER          NOT NULL CHECK (windows >= 0),
    peak_score    DOUBLE PRECISION NOT NULL,
    peak_ts_ms    BIGINT           NOT NULL,
    channels      TEXT[]           NOT NULL,
    features      TEXT[]           NOT NULL,
    open          BOOLEAN          NOT NULL,
    rebaselined   BOOLEAN          NOT NULL,
    UNIQUE (request_id, ordinal)
);

-- the operator's questions: what alarmed on this asset, and when
CREATE INDEX anomaly_episodes_asset_time ON anomaly_episodes (asset_id, start_ts_ms);
