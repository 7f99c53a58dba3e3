package io.psa.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.psa.dsp.sim.SensorSimulator;
import io.psa.dsp.sim.SimulationSpec;
import io.psa.lambda.http.HttpEvent;
import io.psa.lambda.http.HttpResponse;
import io.psa.lambda.results.Databases;
import io.psa.lambda.results.ResultSink;
import io.psa.lambda.runtime.AwsClients;
import io.psa.lambda.runtime.Env;
import io.psa.lambda.runtime.Init;
import io.psa.lambda.runtime.JsonLog;
import io.psa.lambda.runtime.Metrics;
import io.psa.lambda.scoring.EndpointScoring;
import io.psa.lambda.scoring.InFunctionScoring;
import io.psa.lambda.scoring.Scoring;
import io.psa.model.results.InferenceResult;
import io.psa.model.service.ApiError;
import io.psa.model.service.ApiException;
import io.psa.model.service.ErrorCode;
import io.psa.model.service.PredictService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.cloudwatchlogs.emf.model.Unit;

/**
 * {@code POST /predict} behind API Gateway (HTTP API payload 2.0 or REST proxy): the contract and
 * errors of the local server, through the core's {@link PredictService}. Environment:
 *
 * <ul>
 *   <li>{@code PSA_MODEL_S3_URI}: the model ({@code s3://.../model.tar.gz} or a prefix holding a
 *       model directory), loaded and checksum-verified at init; default: the model packaged in
 *       the jar;
 *   <li>{@code PSA_SAGEMAKER_ENDPOINT}: forward to this SageMaker endpoint instead of scoring here,
 *       with {@code PSA_SAGEMAKER_TIMEOUT_MS} [10,000] for all attempts and {@code
 *       PSA_SAGEMAKER_MAX_ATTEMPTS} [3];
 *   <li>{@code PSA_MAX_BODY_MB} [6]; results storage as {@link Databases}.
 * </ul>
 *
 * <p>SnapStart: the model is loaded and a 10 s batch scored before the snapshot ({@link
 * #beforeCheckpoint}); request ids come from {@code SecureRandom}-backed sources after restore.
 */
public final class PredictHandler implements RequestStreamHandler, Resource {
  private final Scoring scoring;
  private final ResultSink results;
  private final Metrics metrics;
  private final long maxBodyBytes;

  /** For the Lambda runtime: everything from the environment, built once. */
  public PredictHandler() {
    this(Env.system());
  }

  PredictHandler(Env env) {
    this(scoring(env), sink(env), Metrics.fromEnv(env, "predict"), maxBodyBytes(env));
  }

  /** For tests: our own parts. */
  public PredictHandler(Scoring scoring, ResultSink results, Metrics metrics, long maxBodyBytes) {
    this.scoring = scoring;
    this.results = results;
    this.metrics = metrics;
    this.maxBodyBytes = maxBodyBytes;
    Core.getGlobalContext().register(this);
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    long start = System.nanoTime();
    Instant received = Instant.now();
    String id = context.getAwsRequestId();
    Metrics.Invocation m = metrics.start();
    PredictService.Answer a;
    byte[] body = null;
    String contentType = null;
    try {
      HttpEvent event = HttpEvent.parse(input.readAllBytes(), maxBodyBytes);
      if (!event.method().equals("POST")) {
        throw new ApiException(ErrorCode.METHOD_NOT_ALLOWED,
            "method " + event.method() + " is not allowed; POST a /predict body");
      }
      body = event.body();
      contentType = event.header("content-type");
      a = scoring.answer(body, contentType, event.header("accept"), id);
    } catch (RuntimeException e) {
      a = PredictService.Answer.of(ApiError.of(e, id));
      if (a.error().internal()) {
        JsonLog.error(id, "request failed", e);
      }
    }
    double ms = (System.nanoTime() - start) / 1e6;
    InferenceResult row = a.status() == 200 && body != null
        ? scoring.row(a, body, contentType, received, ms) : null;
    if (row != null) {
      results.record(List.of(row), id);
      m.put("ScoringTime", ms, Unit.MILLISECONDS).put("WindowsScored", row.windowCount(), Unit.COUNT)
          .put("Anomalies", row.isAnomaly() ? 1 : 0, Unit.COUNT);
    } else if (a.error() != null) {
      m.error(a.error().code());
    } else if (a.status() >= 400) {
      m.error("endpoint_" + a.status()); // the endpoint's own error, passed through
    }
    HttpResponse.write(output, a.status(), a.contentType(), a.body(), id);
    m.flush();
    JsonLog.info(id, "predict", "status", a.status(), "ms", ms,
        "anomaly", row == null ? null : row.isAnomaly(), "error", a.error() == null ? null : a.error().code());
  }

  /** SnapStart: warm the scoring path (class loading, JIT) before the snapshot. */
  @Override
  public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
    long start = System.nanoTime();
    scoring.prime(primingBody());
    JsonLog.info(null, "primed before snapshot", "ms", (System.nanoTime() - start) / 1_000_000);
  }

  /** After restore: nothing is cached per instance beyond the clients, which reconnect lazily. */
  @Override
  public void afterRestore(org.crac.Context<? extends Resource> context) {
    JsonLog.info(null, "restored from snapshot");
  }

  /** A 10 s /predict body from the simulator: what priming scores. */
  static byte[] primingBody() {
    var batch = new SensorSimulator(SimulationSpec.of(10_000)).generate();
    StringBuilder b = new StringBuilder(160_000).append("{\"sensor_batch\":[");
    for (int i = 0; i < batch.size(); i++) {
      b.append(i == 0 ? "{" : ",{").append("\"ts_ms\":").append(batch.tsMs()[i]);
      for (int c = 0; c < batch.channels().size(); c++) {
        b.append(",\"").append(batch.channels().get(c)).append("\":").append(batch.channel(c)[i]);
      }
      b.append('}');
    }
    return b.append("]}").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static Scoring scoring(Env env) {
    long max = maxBodyBytes(env);
    String endpoint = env.get("PSA_SAGEMAKER_ENDPOINT");
    if (endpoint != null) {
      Duration timeout = Duration.ofMillis((long) env.number("PSA_SAGEMAKER_TIMEOUT_MS", 10_000));
      int attempts = (int) env.number("PSA_SAGEMAKER_MAX_ATTEMPTS", 3);
      JsonLog.info(null, "forwarding to SageMaker", "endpoint", endpoint, "timeoutMs", timeout.toMillis());
      return new EndpointScoring(AwsClients.sageMaker(env, timeout, attempts), endpoint, max, timeout);
    }
    return new InFunctionScoring(Init.model(env), max);
  }

  private static ResultSink sink(Env env) {
    Databases db = Init.database(env);
    return db == null ? ResultSink.NONE : db.sink();
  }

  static long maxBodyBytes(Env env) {
    return Math.round(env.number("PSA_MAX_BODY_MB", 6) * 1024 * 1024);
  }
}
