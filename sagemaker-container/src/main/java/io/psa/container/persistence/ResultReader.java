package io.psa.container.persistence;

import io.psa.model.Episode;
import io.psa.model.results.InferenceResult;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads stored results back for {@code psa results}: the rows that match a filter, anomalous ones
 * first, then the most recent, each with its alarm episodes, and the counts of everything that
 * matched.
 */
public final class ResultReader {

  /**
   * @param assetId only this asset, or null for all
   * @param since only results received at or after this, or null
   * @param until only results received before this, or null
   * @param limit most rows returned (the counts cover every match)
   */
  public record Filter(String assetId, Instant since, Instant until, int limit) {
    public Filter {
      if (limit < 1) {
        throw new IllegalArgumentException("limit must be >= 1, got " + limit);
      }
    }
  }

  /**
   * @param stored whether the table exists at all (false before the first result is written)
   * @param matched results that match the filter
   * @param anomalous of those, the ones with {@code is_anomaly}
   * @param rows at most {@code limit} of them, anomalous first, then newest first, with their
   *     episodes
   */
  public record Listing(boolean stored, long matched, long anomalous, List<InferenceResult> rows) {}

  private ResultReader() {}

  /** Runs the filter against {@code <schema>.inference_results}. */
  public static Listing read(DatabaseSettings db, Filter filter) throws SQLException {
    java.util.Properties props = new java.util.Properties();
    props.setProperty("connectTimeout", String.valueOf(Math.max(1, db.connectTimeout().toSeconds())));
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), props)) {
      if (!tableExists(c, db.schema() + ".inference_results")) {
        return new Listing(false, 0, 0, List.of());
      }
      List<Object> params = new ArrayList<>();
      String where = where(filter, params);
      String table = db.schema() + ".inference_results";
      long matched;
      long anomalous;
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT count(*), count(*) FILTER (WHERE is_anomaly) FROM " + table + where)) {
        bind(ps, params);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          matched = rs.getLong(1);
          anomalous = rs.getLong(2);
        }
      }
      List<InferenceResult> rows = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + where
          + " ORDER BY is_anomaly DESC, received_at DESC, id DESC LIMIT " + filter.limit())) {
        bind(ps, params);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.add(row(rs));
          }
        }
      }
      return new Listing(true, matched, anomalous, withEpisodes(c, db.schema(), rows));
    }
  }

  /** The rows with their episodes from {@code anomaly_episodes} (absent before migration V5). */
  private static List<InferenceResult> withEpisodes(Connection c, String schema,
      List<InferenceResult> rows) throws SQLException {
    if (rows.isEmpty() || !tableExists(c, schema + ".anomaly_episodes")) {
      return rows;
    }
    Map<String, List<Episode>> byRequest = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT request_id, start_ts_ms, end_ts_ms,"
        + " windows, peak_score, peak_ts_ms, channels, features, open, rebaselined FROM " + schema
        + ".anomaly_episodes WHERE request_id = ANY(?) ORDER BY request_id, ordinal")) {
      ps.setArray(1, c.createArrayOf("text",
          rows.stream().map(InferenceResult::requestId).toArray(String[]::new)));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byRequest.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Episode(
              rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getDouble(5), rs.getLong(6),
              texts(rs.getArray(7)), texts(rs.getArray(8)), rs.getBoolean(9), rs.getBoolean(10)));
        }
      }
    }
    List<InferenceResult> out = new ArrayList<>(rows.size());
    for (InferenceResult r : rows) {
      List<Episode> e = byRequest.getOrDefault(r.requestId(), List.of());
      out.add(new InferenceResult(r.requestId(), r.assetId(), r.modelName(), r.modelVersion(),
          r.receivedAt(), r.firstTsMs(), r.lastTsMs(), r.sampleCount(), r.windowCount(),
          r.anomalyScore(), r.isAnomaly(), r.threshold(), r.windowScores(), r.source(),
          r.latencyMs(), r.cached(), e));
    }
    return out;
  }

  private static List<String> texts(Array a) throws SQLException {
    return a == null ? List.of() : List.of((String[]) a.getArray());
  }

  private static boolean tableExists(Connection c, String table) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  private static String where(Filter f, List<Object> params) {
    List<String> terms = new ArrayList<>();
    if (f.assetId() != null) {
      terms.add("asset_id = ?");
      params.add(f.assetId());
    }
    if (f.since() != null) {
      terms.add("received_at >= ?");
      params.add(Timestamp.from(f.since()));
    }
    if (f.until() != null) {
      terms.add("received_at < ?");
      params.add(Timestamp.from(f.until()));
    }
    return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
  }

  private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      ps.setObject(i + 1, params.get(i));
    }
  }

  private static InferenceResult row(ResultSet rs) throws SQLException {
    Double[] scores = (Double[]) rs.getArray("window_scores").getArray();
    double[] ws = new double[scores.length];
    for (int i = 0; i < ws.length; i++) {
      ws[i] = scores[i];
    }
    return new InferenceResult(rs.getString("request_id"), rs.getString("asset_id"),
        rs.getString("model_name"), rs.getString("model_version"),
        rs.getTimestamp("received_at").toInstant(), rs.getLong("first_ts_ms"),
        rs.getLong("last_ts_ms"), rs.getInt("sample_count"), rs.getInt("window_count"),
        rs.getDouble("anomaly_score"), rs.getBoolean("is_anomaly"), rs.getDouble("threshold"), ws,
        rs.getString("source"), rs.getDouble("latency_ms"), rs.getBoolean("cached"));
  }
}
