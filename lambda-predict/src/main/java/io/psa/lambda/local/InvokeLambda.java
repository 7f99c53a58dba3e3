package io.psa.lambda.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.psa.lambda.MigrationHandler;
import io.psa.lambda.PredictHandler;
import io.psa.lambda.runtime.JsonLog;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * {@code bin/psa invoke-lambda EVENT.json [--handler predict|s3|migrate]}: runs a handler of this
 * jar in-process on an event file, exactly as the Lambda runtime would call it (configured by the
 * same environment variables), and prints its response on standard output; the handler's JSON log
 * lines go to standard error. Exit status 0 when the handler returned, 2 for a usage error, 1 when
 * the handler failed.
 */
public final class InvokeLambda {
  private InvokeLambda() {}

  public static void main(String[] args) throws Exception {
    String event = null;
    String handler = "predict";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--handler" -> handler = i + 1 < args.length ? args[++i] : "";
        case "-h", "--help" -> {
          usage(System.out);
          return;
        }
        default -> event = args[i];
      }
    }
    Supplier<RequestStreamHandler> factory = switch (handler) {
      case "predict" -> PredictHandler::new;
      case "s3" -> io.psa.lambda.S3BatchHandler::new;
      case "migrate" -> MigrationHandler::new;
      default -> null;
    };
    if (event == null || factory == null) {
      usage(System.err);
      System.exit(2);
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(Path.of(event));
    } catch (NoSuchFileException e) {
      System.err.println("psa invoke-lambda: file not found: " + event);
      System.exit(2);
      return;
    }
    PrintStream stdout = System.out;
    System.setOut(System.err); // logs and metrics to standard error, the response alone to stdout
    JsonLog.redirect(System.err);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
      factory.get().handleRequest(in, out, new LocalContext("psa-" + handler));
    } catch (Exception e) {
      // one line, as every psa command fails; the handler's own log line above has the trace
      System.err.println("psa invoke-lambda: the handler failed: " + oneLine(e)
          + (handler.equals("s3") ? " (an S3 event needs its object in a bucket you can reach:"
              + " see events/README.md)" : ""));
      System.exit(1);
    }
    stdout.println(out.toString(java.nio.charset.StandardCharsets.UTF_8));
    stdout.flush();
  }

  /** The failure's first line, at most 300 characters (SDK messages can run to thousands). */
  static String oneLine(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    m = m.strip().lines().findFirst().orElse("");
    return m.length() <= 300 ? m : m.substring(0, 297) + "...";
  }

  private static void usage(PrintStream out) {
    out.println("Usage: psa invoke-lambda EVENT.json [--handler predict|s3|migrate]");
    out.println("Runs a Lambda handler of lambda-predict.jar in-process on an event file and prints");
    out.println("its response. Configure it as on AWS: PSA_MODEL_S3_URI, PSA_SAGEMAKER_ENDPOINT,");
    out.println("PSA_DB_URL or PSA_DB_CLUSTER_ARN/PSA_DB_SECRET_ARN/PSA_DB_NAME, AWS_ENDPOINT_URL_S3 ...");
    out.println("Example: psa invoke-lambda events/http-api-predict-normal.json");
  }
}
