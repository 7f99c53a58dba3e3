package io.psa.results.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A {@link SqlSession} over JDBC connections (each transaction takes one and closes it). */
public final class JdbcSession implements SqlSession {
  private final JdbcResultWriter.ConnectionSource connections;

  public JdbcSession(JdbcResultWriter.ConnectionSource connections) {
    this.connections = connections;
  }

  @Override
  public void inTransaction(Work work) throws Exception {
    try (Connection c = connections.get()) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        work.run(new Transaction() {
          @Override
          public void execute(String sql) throws Exception {
            st.execute(sql);
          }

          @Override
          public List<List<Object>> query(String sql) throws Exception {
            try (ResultSet rs = st.executeQuery(sql)) {
              return rows(rs);
            }
          }

          @Override
          public void execute(String sql, List<String> names, Object[] values) throws Exception {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
              JdbcResultWriter.bind(c, ps, values);
              ps.execute();
            }
          }

          @Override
          public List<List<Object>> query(String sql, List<String> names, Object[] values)
              throws Exception {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
              JdbcResultWriter.bind(c, ps, values);
              try (ResultSet rs = ps.executeQuery()) {
                return rows(rs);
              }
            }
          }
        });
        c.commit();
      } catch (Exception e) {
        c.rollback();
        throw e;
      }
    }
  }

  @Override
  public boolean namedParameters() {
    return false;
  }

  /**
   * @return {@code url}
   * @throws IllegalArgumentException unless it is a {@code jdbc:postgresql:} URL ({@code PSA_DB_URL})
   */
  public static String checkUrl(String url) {
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("PSA_DB_URL must be a jdbc:postgresql: URL, got " + url);
    }
    return url;
  }

  private static List<List<Object>> rows(ResultSet rs) throws Exception {
    List<List<Object>> rows = new ArrayList<>();
    int n = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      List<Object> row = new ArrayList<>(n);
      for (int i = 1; i <= n; i++) {
        Object v = rs.getObject(i);
        row.add(v instanceof String || v instanceof Number || v instanceof Boolean || v == null
            ? v : v.toString());
      }
      rows.add(row);
    }
    return rows;
  }
}
