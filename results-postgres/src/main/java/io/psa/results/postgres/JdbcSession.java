package io.psa.results.postgres;

import java.sql.Connection;
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
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(sql)) {
              int n = rs.getMetaData().getColumnCount();
              while (rs.next()) {
                List<Object> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                  Object v = rs.getObject(i);
                  row.add(v instanceof String || v instanceof Number || v instanceof Boolean
                      || v == null ? v : v.toString());
                }
                rows.add(row);
              }
            }
            return rows;
          }
        });
        c.commit();
      } catch (Exception e) {
        c.rollback();
        throw e;
      }
    }
  }
}
