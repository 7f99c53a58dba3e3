package io.psa.lambda.results;

import io.psa.results.postgres.SqlSession;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.model.Field;

/**
 * The migrator's {@link SqlSession} over the RDS Data API: {@code BeginTransaction}, one {@code
 * ExecuteStatement} per statement under its transaction id, then {@code CommitTransaction}, or
 * {@code RollbackTransaction} when anything fails.
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
          run(tx, sql);
        }

        @Override
        public List<List<Object>> query(String sql) {
          List<List<Object>> rows = new ArrayList<>();
          for (List<Field> record : run(tx, sql)) {
            List<Object> row = new ArrayList<>(record.size());
            for (Field f : record) {
              row.add(DataApi.value(f));
            }
            rows.add(row);
          }
          return rows;
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

  private List<List<Field>> run(String tx, String sql) {
    return client.executeStatement(b -> b.resourceArn(db.clusterArn()).secretArn(db.secretArn())
        .database(db.database()).transactionId(tx).sql(sql)).records();
  }
}
