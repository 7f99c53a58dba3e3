package io.psa.lambda.runtime;

import io.psa.lambda.model.ModelLoader;
import io.psa.lambda.results.Databases;
import io.psa.model.scoring.ModelScorer;
import java.io.IOException;
import software.amazon.awssdk.services.s3.S3Client;

/** What every function builds at init from its environment: the model and the database. */
public final class Init {
  private Init() {}

  /**
   * The model of {@code PSA_MODEL_S3_URI}, else the packaged one.
   *
   * @throws IllegalStateException naming the model when it does not load: an init error, so that
   *     Lambda reports it and a SnapStart version fails to publish
   */
  public static ModelScorer model(Env env) {
    return model(env, null);
  }

  /** {@link #model(Env)} through the function's own S3 client, when it has one (null: none). */
  public static ModelScorer model(Env env, S3Client s3) {
    String uri = env.get("PSA_MODEL_S3_URI");
    try {
      return ModelLoader.load(uri, uri == null ? null : s3 != null ? s3 : AwsClients.s3(env));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot load the model "
          + (uri == null ? "packaged in the jar" : uri) + ": " + e.getMessage(), e);
    }
  }

  /** The configured database, migrated when it is JDBC (the Data API's is migrated on deploy); or null. */
  public static Databases database(Env env) {
    Databases db = Databases.fromEnv(env);
    if (db == null) {
      JsonLog.info(null, "no PSA_DB_URL or PSA_DB_CLUSTER_ARN: nothing is stored in a database");
      return null;
    }
    if (db.jdbc()) {
      try {
        db.migrate();
      } catch (Exception e) {
        throw new IllegalStateException("cannot migrate the results database: " + e.getMessage(), e);
      }
    }
    return db;
  }
}
