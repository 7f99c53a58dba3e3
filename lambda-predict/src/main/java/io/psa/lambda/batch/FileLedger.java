package io.psa.lambda.batch;

import io.psa.results.postgres.EpisodeRow;
import io.psa.results.postgres.ResultRow;
import io.psa.results.postgres.SqlSession;
import java.util.List;
import java.util.Map;

/**
 * The per-file rows of {@code file_results} (migration V4) and a scored file's alarm episodes in
 * {@code anomaly_episodes} (V5, keyed {@code s3://bucket/key#version}), which also make scoring
 * idempotent: a file whose (bucket, key, version) has a row is done, scored or failed, and is not
 * touched again. The row is written last, after the outputs, so a crash before it leaves the file
 * to be scored again in full on redelivery; a second writer of the same row changes nothing.
 * Every value travels as a bound parameter (object keys and error messages come from outside).
 */
public final class FileLedger {
  private static final List<String> KEY = List.of("bucket", "object_key", "object_version");

  /** The columns written, in order. */
  static final List<String> COLUMNS = List.of("bucket", "object_key", "object_version", "status",
      "model_name", "model_version", "rows_read", "segments", "gaps", "windows",
      "anomalous_windows", "max_score", "threshold", "first_ts_ms", "last_ts_ms", "output_key",
      "error_code", "error_message", "error_field", "error_line", "duration_ms");

  private final SqlSession db;
  private final String insert;
  private final String insertEpisode;
  private final String selectStatus;

  public FileLedger(SqlSession db, String schema) {
    this.db = db;
    boolean named = db.namedParameters();
    this.insert = ResultRow.insertSql(schema, "file_results", COLUMNS, Map.of(),
        String.join(", ", KEY), named);
    this.insertEpisode = EpisodeRow.insertSql(schema, named);
    this.selectStatus = "SELECT status FROM " + ResultRow.checkSchema(schema) + ".file_results"
        + " WHERE bucket = " + ResultRow.parameter("bucket", named)
        + " AND object_key = " + ResultRow.parameter("object_key", named)
        + " AND object_version = " + ResultRow.parameter("object_version", named);
  }

  /** The {@code request_id} a file's episodes are stored under. */
  static String episodeKey(FileKey f) {
    return "s3://" + f.bucket() + "/" + f.key() + "#" + f.version();
  }

  /** The status of a finished file ({@code scored} or {@code failed}), or null when not done. */
  public String status(FileKey f) throws Exception {
    String[] status = {null};
    db.inTransaction(tx -> {
      List<List<Object>> rows = tx.query(selectStatus, KEY,
          new Object[] {f.bucket(), f.key(), f.version()});
      status[0] = rows.isEmpty() ? null : (String) rows.getFirst().getFirst();
    });
    return status[0];
  }

  /** Records a scored file and its episodes, in one transaction. */
  public void scored(FileKey f, String model, String modelVersion, FileSummary s, double ms)
      throws Exception {
    Object[] row = {f.bucket(), f.key(), f.version(), "scored", model, modelVersion, s.rows(),
        s.segments(), s.gaps().size(), s.windows(), s.anomalousWindows(), finite(s.maxScore()),
        finite(s.windowThreshold()), s.firstTsMs(), s.lastTsMs(), f.resultsKey(), null, null, null,
        null, ms};
    write(row, EpisodeRow.values(episodeKey(f), null, model, modelVersion, s.episodes()));
  }

  /** Records a file that could not be scored, and why. */
  public void failed(FileKey f, String code, String message, String field, Long line, double ms)
      throws Exception {
    Object[] row = {f.bucket(), f.key(), f.version(), "failed", null, null, 0L, 0, 0, 0L, 0L,
        null, null, null, null, f.failedKey(), code, message, field, line, ms};
    write(row, List.of());
  }

  private void write(Object[] row, List<Object[]> episodes) throws Exception {
    db.inTransaction(tx -> {
      // the episodes first: the file row, written last, is what marks the file done
      for (Object[] e : episodes) {
        tx.execute(insertEpisode, EpisodeRow.COLUMNS, e);
      }
      tx.execute(insert, COLUMNS, row);
    });
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
