package io.psa.lambda.results;

import io.psa.results.postgres.SqlSession;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.SqlParameter;

/**
 * The {@link SqlSession} over the RDS Data API (the migrator's and the file ledger's): {@code
 * BeginTransaction}, one {@code ExecuteStatement} per statement under its transaction id, with its
 * {@code :name} parameters, then {@code CommitTransaction}, or {@code RollbackTransaction} when
 * anything fails.
 */
public final class DataApiSession implements SqlSession {
  private final RdsDataClient client;
  private final DataApi db;

  public DataApiSession(RdsDataClient client, DataApi db) {
    this.client = client;
    this.db = db;
  }

  @Override
  public void inTransaction(Work work) throws Exception {
    String tx = client.beginTransaction(b -> b.resourceArn(db.clusterArn())
        .secretArn(db.secretArn()).database(db.database())).transactionId();
    try {
      work.run(new Transaction() {
        @Override
        public void execute(String sql) {
          run(tx, sql, List.of());
        }

        @Override
        public List<List<Object>> query(String sql) {
          return rows(run(tx, sql, List.of()));
        }

        @Override
        public void execute(String sql, List<String> names, Object[] values) {
          run(tx, sql, DataApi.parameters(names, values));
        }

        @Override
        public List<List<Object>> query(String sql, List<String> names, Object[] values) {
          return rows(run(tx, sql, DataApi.parameters(names, values)));
        }
      });
      client.commitTransaction(b -> b.resourceArn(db.clusterArn()).secretArn(db.secretArn())
          .transactionId(tx));
    } catch (Exception e) {
      client.rollbackTransaction(b -> b.resourceArn(db.clusterArn()).secretArn(db.secretArn())
          .transactionId(tx));
      throw e;
    }
  }

  @Override
  public boolean namedParameters() {
    return true;
  }

  private List<List<Field>> run(String tx, String sql, List<SqlParameter> parameters) {
    return client.executeStatement(b -> b.resourceArn(db.clusterArn()).secretArn(db.secretArn())
        .database(db.database()).transactionId(tx).sql(sql).parameters(parameters)).records();
  }

  private static List<List<Object>> rows(List<List<Field>> records) {
    List<List<Object>> rows = new ArrayList<>();
    for (List<Field> record : records) {
      List<Object> row = new ArrayList<>(record.size());
      for (Field f : record) {
        row.add(DataApi.value(f));
      }
      rows.add(row);
    }
    return rows;
  }
}
