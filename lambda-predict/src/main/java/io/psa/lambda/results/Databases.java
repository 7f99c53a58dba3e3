package io.psa.lambda.results;

import io.psa.lambda.runtime.AwsClients;
import io.psa.lambda.runtime.Env;
import io.psa.lambda.runtime.JsonLog;
import io.psa.model.results.ResultWriter;
import io.psa.results.postgres.JdbcResultWriter;
import io.psa.results.postgres.JdbcSession;
import io.psa.results.postgres.Migrations;
import io.psa.results.postgres.Migrator;
import io.psa.results.postgres.ResultRow;
import io.psa.results.postgres.SqlSession;
import java.sql.DriverManager;
import java.time.Duration;

/**
 * The results database of a function, from the environment: JDBC with {@code PSA_DB_URL} (a
 * {@code jdbc:postgresql:} URL: local, tests, RDS Proxy), or the RDS Data API with {@code
 * PSA_DB_CLUSTER_ARN}, {@code PSA_DB_SECRET_ARN} and {@code PSA_DB_NAME} (Aurora Serverless v2,
 * no VPC); tables in schema {@code PSA_DB_SCHEMA} [psa]. Neither: results are not stored.
 *
 * @param writer the rows' writer
 * @param session the same database for the migrator and other statements
 * @param schema the schema
 * @param jdbc whether it is JDBC (migrated at init, like the server) rather than the Data API
 *     (migrated on deploy by {@code MigrationHandler})
 */
public record Databases(ResultWriter writer, SqlSession session, String schema, boolean jdbc) {

  /** The configured database, or null when none is. */
  public static Databases fromEnv(Env env) {
    String schema = ResultRow.checkSchema(env.get("PSA_DB_SCHEMA", "psa"));
    String url = env.get("PSA_DB_URL");
    String cluster = env.get("PSA_DB_CLUSTER_ARN");
    if (url != null && cluster != null) {
      throw new IllegalArgumentException("set either PSA_DB_URL (JDBC) or PSA_DB_CLUSTER_ARN"
          + " (RDS Data API), not both");
    }
    if (url != null) {
      JdbcSession.checkUrl(url);
      DriverManager.setLoginTimeout(5);
      JdbcResultWriter.ConnectionSource c = () -> DriverManager.getConnection(url);
      return new Databases(new JdbcResultWriter(c, schema), new JdbcSession(c), schema, true);
    }
    if (cluster != null) {
      String secret = env.get("PSA_DB_SECRET_ARN");
      String name = env.get("PSA_DB_NAME");
      if (secret == null || name == null) {
        throw new IllegalArgumentException("PSA_DB_CLUSTER_ARN needs PSA_DB_SECRET_ARN and PSA_DB_NAME");
      }
      DataApi api = new DataApi(cluster, secret, name);
      var client = AwsClients.rdsData(env);
      return new Databases(new DataApiResultWriter(client, api, schema),
          new DataApiSession(client, api), schema, false);
    }
    return null;
  }

  /** Applies the missing migrations (the server's SQL scripts); idempotent. */
  public Migrator.Outcome migrate() throws Exception {
    Migrator.Outcome o = Migrator.migrate(session, schema, Migrations.load(Databases.class.getClassLoader()));
    JsonLog.info(null, "database migrated", "schema", schema, "version", o.version(),
        "applied", String.join(",", o.applied()));
    return o;
  }

  /** The sink a handler records through: three attempts, 100 ms then 200 ms apart. */
  public ResultSink sink() {
    return new ResultSink(writer, 3, Duration.ofMillis(100));
  }
}
