package io.psa.lambda.results;

import io.psa.model.results.InferenceResult;
import io.psa.model.results.ResultWriter;
import io.psa.results.postgres.ResultRow;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.model.SqlParameter;

/**
 * The core's {@link ResultWriter} over the RDS Data API: the same INSERT and rows as the server's
 * JDBC writer ({@link ResultRow}), one {@code BatchExecuteStatement} per batch (atomic), idempotent
 * per request id.
 */
public final class DataApiResultWriter implements ResultWriter {
  private final RdsDataClient client;
  private final DataApi db;
  private final String insert;

  public DataApiResultWriter(RdsDataClient client, DataApi db, String schema) {
    this.client = client;
    this.db = db;
    this.insert = ResultRow.insertSql(schema, true);
  }

  @Override
  public void write(List<InferenceResult> batch) {
    List<List<SqlParameter>> sets = new ArrayList<>(batch.size());
    for (InferenceResult r : batch) {
      Object[] values = ResultRow.values(r);
      List<SqlParameter> set = new ArrayList<>(values.length);
      for (int i = 0; i < values.length; i++) {
        set.add(DataApi.parameter(ResultRow.COLUMNS.get(i), values[i]));
      }
      sets.add(set);
    }
    client.batchExecuteStatement(b -> b.resourceArn(db.clusterArn()).secretArn(db.secretArn())
        .database(db.database()).sql(insert).parameterSets(sets));
  }
}
