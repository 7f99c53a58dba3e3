package io.psa.lambda.results;

import io.psa.model.results.InferenceResult;
import io.psa.model.results.ResultWriter;
import io.psa.results.postgres.EpisodeRow;
import io.psa.results.postgres.ResultRow;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.model.SqlParameter;

/**
 * The core's {@link ResultWriter} over the RDS Data API: the same INSERTs and rows as the server's
 * JDBC writer ({@link ResultRow}, {@link EpisodeRow}), one {@code BatchExecuteStatement} for the
 * results and one for their episodes, each atomic and idempotent (a retry after the second failed
 * writes the missing episodes and nothing twice).
 */
public final class DataApiResultWriter implements ResultWriter {
  private final RdsDataClient client;
  private final DataApi db;
  private final String insert;
  private final String insertEpisode;

  public DataApiResultWriter(RdsDataClient client, DataApi db, String schema) {
    this.client = client;
    this.db = db;
    this.insert = ResultRow.insertSql(schema, true);
    this.insertEpisode = EpisodeRow.insertSql(schema, true);
  }

  @Override
  public void write(List<InferenceResult> batch) {
    List<List<SqlParameter>> results = new ArrayList<>(batch.size());
    List<List<SqlParameter>> episodes = new ArrayList<>();
    for (InferenceResult r : batch) {
      results.add(DataApi.parameters(ResultRow.COLUMNS, ResultRow.values(r)));
      for (Object[] e : EpisodeRow.values(r)) {
        episodes.add(DataApi.parameters(EpisodeRow.COLUMNS, e));
      }
    }
    execute(insert, results);
    if (!episodes.isEmpty()) {
      execute(insertEpisode, episodes);
    }
  }

  private void execute(String sql, List<List<SqlParameter>> sets) {
    client.batchExecuteStatement(b -> b.resourceArn(db.clusterArn()).secretArn(db.secretArn())
        .database(db.database()).sql(sql).parameterSets(sets));
  }
}
