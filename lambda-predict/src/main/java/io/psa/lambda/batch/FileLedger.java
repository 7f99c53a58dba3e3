package io.psa.lambda.batch;

import io.psa.results.postgres.ResultRow;
import io.psa.results.postgres.SqlSession;
import java.util.List;

/**
 * The per-file rows of {@code file_results} (migration V4) and a scored file's alarm episodes in
 * {@code anomaly_episodes} (V5, keyed {@code s3://bucket/key#version}), which also make scoring
 * idempotent:
 * a file whose (bucket, key, version) has a row is done, scored or failed, and is not touched
 * again. The row is written last, after the outputs, so a crash before it leaves the file to be
 * scored again in full on redelivery; a second writer of the same row changes nothing.
 */
public final class FileLedger {
  private final SqlSession db;
  private final String table;
  private final String episodes;

  public FileLedger(SqlSession db, String schema) {
    this.db = db;
    this.table = ResultRow.checkSchema(schema) + ".file_results";
    this.episodes = schema + ".anomaly_episodes";
  }

  /** The {@code request_id} a file's episodes are stored under. */
  static String episodeKey(FileKey f) {
    return "s3://" + f.bucket() + "/" + f.key() + "#" + f.version();
  }

  /** The status of a finished file ({@code scored} or {@code failed}), or null when not done. */
  public String status(FileKey f) throws Exception {
    String[] status = {null};
    db.inTransaction(tx -> {
      List<List<Object>> rows = tx.query("SELECT status FROM " + table + " WHERE bucket = "
          + lit(f.bucket()) + " AND object_key = " + lit(f.key()) + " AND object_version = "
          + lit(f.version()));
      status[0] = rows.isEmpty() ? null : (String) rows.getFirst().getFirst();
    });
    return status[0];
  }

  /** Records a scored file and its episodes, in one transaction. */
  public void scored(FileKey f, String model, String modelVersion, FileSummary s, double ms)
      throws Exception {
    insert(f, "scored", model, modelVersion, s, f.resultsKey(), null, null, null, null, ms);
  }

  private List<String> episodeInserts(FileKey f, String model, String modelVersion,
      FileSummary s) {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; s != null && i < s.episodes().size(); i++) {
      io.psa.model.Episode e = s.episodes().get(i);
      out.add("INSERT INTO " + episodes + " (request_id, ordinal, asset_id, model_name,"
          + " model_version, start_ts_ms, end_ts_ms, windows, peak_score, peak_ts_ms, channels,"
          + " features, open, rebaselined) VALUES (" + lit(episodeKey(f)) + ", " + i + ", NULL, "
          + lit(model) + ", " + lit(modelVersion) + ", " + e.startTsMs() + ", " + e.endTsMs()
          + ", " + e.windows() + ", " + num(e.peakScore()) + ", " + e.peakTsMs() + ", "
          + array(e.channels()) + ", " + array(e.features()) + ", " + e.open() + ", "
          + e.rebaselined() + ") ON CONFLICT (request_id, ordinal) DO NOTHING");
    }
    return out;
  }

  private static String array(List<String> values) {
    StringBuilder b = new StringBuilder("ARRAY[");
    for (int i = 0; i < values.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(lit(values.get(i)));
    }
    return b.append("]::text[]").toString();
  }

  /** Records a file that could not be scored, and why. */
  public void failed(FileKey f, String code, String message, String field, Long line, double ms)
      throws Exception {
    insert(f, "failed", null, null, null, f.failedKey(), code, message, field, line, ms);
  }

  private void insert(FileKey f, String status, String model, String modelVersion, FileSummary s,
      String output, String code, String message, String field, Long line, double ms)
      throws Exception {
    String sql = "INSERT INTO " + table + " (bucket, object_key, object_version, status, model_name,"
        + " model_version, rows_read, segments, gaps, windows, anomalous_windows, max_score,"
        + " threshold, first_ts_ms, last_ts_ms, output_key, error_code, error_message, error_field,"
        + " error_line, duration_ms) VALUES (" + lit(f.bucket()) + ", " + lit(f.key()) + ", "
        + lit(f.version()) + ", " + lit(status) + ", " + lit(model) + ", " + lit(modelVersion) + ", "
        + (s == null ? "0, 0, 0, 0, 0, NULL, NULL, NULL, NULL"
            : s.rows() + ", " + s.segments() + ", " + s.gaps().size() + ", " + s.windows() + ", "
                + s.anomalousWindows() + ", " + num(s.maxScore()) + ", " + num(s.windowThreshold()) + ", "
                + s.firstTsMs() + ", " + s.lastTsMs())
        + ", " + lit(output) + ", " + lit(code) + ", " + lit(message) + ", " + lit(field) + ", "
        + (line == null ? "NULL" : line) + ", " + num(ms) + ")"
        + " ON CONFLICT (bucket, object_key, object_version) DO NOTHING";
    List<String> episodeSql = episodeInserts(f, model, modelVersion, s);
    db.inTransaction(tx -> {
      // the episodes first: the file row, written last, is what marks the file done
      for (String e : episodeSql) {
        tx.execute(e);
      }
      tx.execute(sql);
    });
  }

  /** A SQL string literal (standard_conforming_strings: only quotes are doubled), or NULL. */
  static String lit(String s) {
    if (s == null) {
      return "NULL";
    }
    if (s.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a NUL character cannot be stored");
    }
    return "'" + s.replace("'", "''") + "'";
  }

  private static String num(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "NULL";
  }
}
