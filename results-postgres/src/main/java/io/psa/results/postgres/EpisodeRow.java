package io.psa.results.postgres;

import io.psa.model.Episode;
import io.psa.model.results.InferenceResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code anomaly_episodes} rows of a result, one per episode its answer named: the column
 * list, the INSERT every adapter runs, and each row's values as plain Java values (as {@link
 * ResultRow}, plus {@code String[]} for the channels and features). Idempotent on {@code
 * (request_id, ordinal)}.
 */
public final class EpisodeRow {

  /** The columns written, in order. */
  public static final List<String> COLUMNS = List.of("request_id", "ordinal", "asset_id",
      "model_name", "model_version", "start_ts_ms", "end_ts_ms", "windows", "peak_score",
      "peak_ts_ms", "channels", "features", "open", "rebaselined");

  private EpisodeRow() {}

  /**
   * The INSERT into {@code schema.anomaly_episodes}, ignoring an episode already written.
   *
   * @param namedParameters {@code :column} placeholders (RDS Data API, whose arrays travel as
   *     array literals cast in SQL) instead of {@code ?} (JDBC)
   */
  public static String insertSql(String schema, boolean namedParameters) {
    return ResultRow.insertSql(schema, "anomaly_episodes", COLUMNS,
        Map.of("channels", "text[]", "features", "text[]"), "request_id, ordinal", namedParameters);
  }

  /** The values of each of {@code r}'s episodes, in the order of {@link #COLUMNS}. */
  public static List<Object[]> values(InferenceResult r) {
    return values(r.requestId(), r.assetId(), r.modelName(), r.modelVersion(), r.episodes());
  }

  /**
   * The values of {@code episodes}, numbered from 0, stored under {@code requestId} (an answer's
   * request id, or a scored file's {@code s3://} key), in the order of {@link #COLUMNS}.
   */
  public static List<Object[]> values(String requestId, String assetId, String modelName,
      String modelVersion, List<Episode> episodes) {
    List<Object[]> out = new ArrayList<>(episodes.size());
    for (int i = 0; i < episodes.size(); i++) {
      Episode e = episodes.get(i);
      out.add(new Object[] {requestId, i, assetId, modelName, modelVersion,
          e.startTsMs(), e.endTsMs(), e.windows(), e.peakScore(), e.peakTsMs(),
          e.channels().toArray(String[]::new), e.features().toArray(String[]::new), e.open(),
          e.rebaselined()});
    }
    return out;
  }
}
