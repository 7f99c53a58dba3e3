package io.psa.results.postgres;

import io.psa.model.results.InferenceResult;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One {@code inference_results} row: the column list, the INSERT every adapter runs, and the
 * values of a result in column order as plain Java values ({@code String} or null, {@code Long},
 * {@code Integer}, {@code Double}, {@code Boolean}, {@link java.time.Instant}, {@code double[]}),
 * which each adapter binds its own way (JDBC, RDS Data API). Idempotent on {@code request_id}.
 */
public final class ResultRow {

  /** The columns written, in order. */
  public static final List<String> COLUMNS = List.of("request_id", "asset_id", "model_name",
      "model_version", "received_at", "first_ts_ms", "last_ts_ms", "sample_count", "window_count",
      "anomaly_score", "is_anomaly", "threshold", "window_scores", "source", "latency_ms", "cached");

  // the schema is put into SQL text, so only plain identifiers are allowed
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private ResultRow() {}

  /**
   * The INSERT into {@code schema.inference_results}, ignoring a request id already written.
   *
   * @param namedParameters {@code :column} placeholders (RDS Data API) instead of {@code ?} (JDBC)
   */
  public static String insertSql(String schema, boolean namedParameters) {
    // the Data API has no array parameters: the scores arrive as a PostgreSQL array literal
    return insertSql(schema, "inference_results", COLUMNS, Map.of("window_scores", "float8[]"),
        "request_id", namedParameters);
  }

  /**
   * {@code INSERT INTO schema.table (columns) VALUES (...) ON CONFLICT (conflictKey) DO NOTHING}
   * with {@code ?} or {@code :column} placeholders; with named parameters, a column in {@code
   * arrayTypes} is cast from its array literal to that SQL type.
   */
  public static String insertSql(String schema, String table, List<String> columns,
      Map<String, String> arrayTypes, String conflictKey, boolean namedParameters) {
    StringBuilder values = new StringBuilder();
    for (String c : columns) {
      values.append(values.isEmpty() ? "" : ", ");
      String p = parameter(c, namedParameters);
      String type = arrayTypes.get(c);
      values.append(type != null && namedParameters ? "CAST(" + p + " AS " + type + ")" : p);
    }
    return "INSERT INTO " + checkSchema(schema) + "." + table + " (" + String.join(", ", columns)
        + ") VALUES (" + values + ") ON CONFLICT (" + conflictKey + ") DO NOTHING";
  }

  /**
   * The placeholder of {@code column}'s value in a statement: {@code :column} for the RDS Data
   * API ({@link SqlSession#namedParameters}), {@code ?} for JDBC.
   */
  public static String parameter(String column, boolean namedParameters) {
    return namedParameters ? ":" + column : "?";
  }

  /** The values of {@code r}, in the order of {@link #COLUMNS}. */
  public static Object[] values(InferenceResult r) {
    return new Object[] {r.requestId(), r.assetId(), r.modelName(), r.modelVersion(),
        r.receivedAt(), r.firstTsMs(), r.lastTsMs(), r.sampleCount(), r.windowCount(),
        r.anomalyScore(), r.isAnomaly(), r.threshold(), r.windowScores(), r.source(),
        r.latencyMs(), r.cached()};
  }

  /**
   * @throws IllegalArgumentException unless {@code schema} is a plain lower-case identifier
   */
  public static String checkSchema(String schema) {
    if (schema == null || !IDENTIFIER.matcher(schema).matches()) {
      throw new IllegalArgumentException("schema must match " + IDENTIFIER + ", got " + schema);
    }
    return schema;
  }
}
