package io.psa.lambda.testing;

import io.psa.lambda.results.DataApi;
import io.psa.lambda.results.DataApiResultWriter;
import io.psa.lambda.results.DataApiSession;
import io.psa.lambda.results.Databases;
import io.psa.container.persistence.TestDatabase;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;

/**
 * A test's own schema in the real PostgreSQL, reached as a function reaches Aurora: the real
 * {@code RdsDataClient} against the {@link DataApiShim}.
 */
public final class DataApiDatabase implements AutoCloseable {
  public final TestDatabase db;
  public final DataApiShim shim;
  public final RdsDataClient client;
  public final Databases databases;

  public DataApiDatabase() throws Exception {
    db = TestDatabase.require();
    shim = new DataApiShim(TestDatabase.url());
    client = Aws.rdsData(shim.endpoint());
    DataApi api = new DataApi(Aws.CLUSTER, Aws.SECRET, "test");
    databases = new Databases(new DataApiResultWriter(client, api, db.schema),
        new DataApiSession(client, api), db.schema, false);
  }

  @Override
  public void close() throws Exception {
    client.close();
    shim.close();
    db.dropSchema();
  }
}
