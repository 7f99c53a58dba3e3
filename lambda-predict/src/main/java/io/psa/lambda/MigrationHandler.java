package io.psa.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.psa.lambda.results.Databases;
import io.psa.lambda.runtime.Env;
import io.psa.lambda.runtime.JsonLog;
import io.psa.results.postgres.Migrator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * A CloudFormation custom resource that brings the results database to the latest migration (the
 * same SQL scripts and migrator the server runs at start, {@code db/migration/psa}) on every deploy, through
 * the RDS Data API ({@code PSA_DB_CLUSTER_ARN}, {@code PSA_DB_SECRET_ARN}, {@code PSA_DB_NAME},
 * {@code PSA_DB_SCHEMA}) or JDBC ({@code PSA_DB_URL}). Create and Update migrate (idempotent:
 * nothing missing, nothing done); Delete keeps the data. Usable as the {@code onEvent} handler of
 * a CDK {@code Provider} (the returned object) or directly as a resource's service token (the
 * response is also PUT to the event's {@code ResponseURL}); a failure reports FAILED with the
 * reason, never leaves a stack waiting.
 */
public final class MigrationHandler implements RequestStreamHandler {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Databases db;

  public MigrationHandler() {
    this(Databases.fromEnv(Env.system()));
  }

  /** For tests: the database to migrate. */
  public MigrationHandler(Databases db) {
    this.db = db;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    JsonNode event = JSON.readTree(input);
    String type = event.path("RequestType").asText("Create");
    String physicalId = "psa-migrations-" + (db == null ? "none" : db.schema());
    ObjectNode response = JSON.createObjectNode();
    response.put("Status", "SUCCESS");
    response.put("PhysicalResourceId", event.path("PhysicalResourceId").asText(physicalId));
    response.put("StackId", event.path("StackId").asText(""));
    response.put("RequestId", event.path("RequestId").asText(""));
    response.put("LogicalResourceId", event.path("LogicalResourceId").asText(""));
    ObjectNode data = response.putObject("Data");
    try {
      if (db == null) {
        throw new IllegalStateException("no database configured: set PSA_DB_CLUSTER_ARN,"
            + " PSA_DB_SECRET_ARN and PSA_DB_NAME (or PSA_DB_URL)");
      }
      if (!type.equals("Delete")) {
        Migrator.Outcome o = db.migrate();
        data.put("SchemaVersion", o.version());
        data.put("Applied", String.join(",", o.applied()));
      }
      response.put("Reason", type + ": schema " + db.schema() + " up to date");
    } catch (Exception e) {
      JsonLog.error(context.getAwsRequestId(), "migration failed", e);
      response.put("Status", "FAILED");
      response.put("Reason", (e.getMessage() == null ? e.toString() : e.getMessage())
          + " (log stream " + context.getLogStreamName() + ")");
    }
    String url = event.path("ResponseURL").asText("");
    boolean direct = url.startsWith("https://") || url.startsWith("http://");
    if (direct) {
      respond(url, response, context.getAwsRequestId());
    }
    JSON.writeValue(output, response);
    if (response.path("Status").asText().equals("FAILED") && !direct) {
      // behind a CDK Provider the thrown error is what reports the failure
      throw new IllegalStateException(response.path("Reason").asText());
    }
  }

  /**
   * CloudFormation waits for this PUT when the function is the resource's service token (a CDK
   * Provider passes "..." instead and answers CloudFormation itself).
   */
  private static void respond(String url, ObjectNode response, String requestId) throws IOException {
    byte[] body = JSON.writeValueAsBytes(response);
    HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
    c.setRequestMethod("PUT");
    c.setDoOutput(true);
    c.setRequestProperty("Content-Type", ""); // the presigned URL was signed without one
    c.setFixedLengthStreamingMode(body.length);
    c.setConnectTimeout(5_000);
    c.setReadTimeout(10_000);
    try (OutputStream o = c.getOutputStream()) {
      o.write(body);
    }
    int status = c.getResponseCode();
    JsonLog.info(requestId, "custom resource response sent", "status", status,
        "result", response.path("Status").asText());
    c.disconnect();
  }

}
