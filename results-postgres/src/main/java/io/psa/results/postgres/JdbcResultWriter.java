package io.psa.results.postgres;

import io.psa.dsp.ValidationException;
import io.psa.dsp.input.StoredText;
import io.psa.model.results.InferenceResult;
import io.psa.model.results.ResultWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/**
 * Writes batches to {@code <schema>.inference_results}, and their episodes to {@code
 * <schema>.anomaly_episodes}, over JDBC, one transaction per batch, from
 * connections of any source (the server's pool, a Lambda's one connection). Idempotent per
 * request id. A text PostgreSQL would refuse (NUL) or silently alter (an unpaired surrogate
 * becomes {@code ?}) is refused here as the database refuses a character it cannot encode,
 * SQLSTATE 22021, so that the row is refused whole rather than stored differently from its answer.
 */
public final class JdbcResultWriter implements ResultWriter {

  /** Where connections come from; the writer closes each one it takes. */
  @FunctionalInterface
  public interface ConnectionSource {
    Connection get() throws SQLException;
  }

  private final ConnectionSource connections;
  private final String insert;
  private final String insertEpisode;

  public JdbcResultWriter(ConnectionSource connections, String schema) {
    this.connections = connections;
    this.insert = ResultRow.insertSql(schema, false);
    this.insertEpisode = EpisodeRow.insertSql(schema, false);
  }

  @Override
  public void write(List<InferenceResult> batch) throws SQLException {
    try (Connection conn = connections.get()) {
      conn.setAutoCommit(false);
      try (PreparedStatement ps = conn.prepareStatement(insert);
          PreparedStatement episodes = conn.prepareStatement(insertEpisode)) {
        int named = 0;
        for (InferenceResult r : batch) {
          bind(conn, ps, ResultRow.values(r));
          ps.addBatch();
          for (Object[] e : EpisodeRow.values(r)) {
            bind(conn, episodes, e);
            episodes.addBatch();
            named++;
          }
        }
        ps.executeBatch();
        if (named > 0) {
          episodes.executeBatch();
        }
        conn.commit();
      } catch (SQLException | RuntimeException e) {
        try {
          conn.rollback();
        } catch (SQLException lost) {
          e.addSuppressed(lost); // the connection is gone: the write's own error says why
        }
        throw e;
      }
    }
  }

  private static String storable(int parameter, String value) throws SQLException {
    try {
      return StoredText.check("parameter " + parameter, value, Integer.MAX_VALUE);
    } catch (ValidationException e) {
      throw new SQLException(e.getMessage(), "22021");
    }
  }

  /** Binds plain values (as {@link ResultRow#values}) to parameters 1..n. */
  static void bind(Connection conn, PreparedStatement ps, Object[] values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      int p = i + 1;
      switch (values[i]) {
        // untyped, so that the server takes the column's type (a NULL typed text fits no number)
        case null -> ps.setNull(p, Types.NULL);
        case String s -> ps.setString(p, storable(p, s));
        case Long l -> ps.setLong(p, l);
        case Integer n -> ps.setInt(p, n);
        case Double d -> ps.setDouble(p, d);
        case Boolean b -> ps.setBoolean(p, b);
        case Instant t -> ps.setTimestamp(p, Timestamp.from(t));
        case String[] a -> {
          for (int k = 0; k < a.length; k++) {
            storable(p, a[k]);
          }
          ps.setArray(p, conn.createArrayOf("text", a));
        }
        case double[] a -> {
          Double[] boxed = new Double[a.length];
          for (int k = 0; k < a.length; k++) {
            boxed[k] = a[k];
          }
          ps.setArray(p, conn.createArrayOf("float8", boxed));
        }
        default -> throw new IllegalArgumentException("no binding for " + values[i].getClass());
      }
    }
  }
}
