package io.psa.bench;

import io.psa.lambda.PredictHandler;
import io.psa.lambda.http.HttpEvent;
import io.psa.lambda.local.LocalContext;
import io.psa.lambda.model.ModelLoader;
import io.psa.lambda.results.ResultSink;
import io.psa.lambda.runtime.JsonLog;
import io.psa.lambda.runtime.Metrics;
import io.psa.lambda.scoring.InFunctionScoring;
import io.psa.model.scoring.ModelScorer;
import io.psa.model.service.PredictService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A warm Lambda instance answering the 10 s {@code /predict} body of {@code events/} (HTTP API
 * event in, API Gateway response out, EMF metrics and the JSON log line written), against the
 * core's {@link PredictService} on the bare body: the baseline of the same work without the
 * function's event handling. The packaged default model (PCA); no database.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PredictHandlerBenchmark {
  private PredictHandler handler;
  private PredictService service;
  private byte[] event;
  private byte[] body;
  private final LocalContext context = new LocalContext("bench");

  @Setup
  public void setup() throws IOException {
    // the log lines and metrics go nowhere: the terminal would cost more than the handler
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
    System.setOut(nowhere);
    JsonLog.redirect(nowhere);
    ModelScorer model = ModelLoader.load(null, null);
    handler = new PredictHandler(new InFunctionScoring(model, PredictService.DEFAULT_MAX_BODY_BYTES),
        ResultSink.NONE, new Metrics("psa", "bench"), PredictService.DEFAULT_MAX_BODY_BYTES);
    service = new PredictService(() -> model, PredictService.DEFAULT_MAX_BODY_BYTES);
    event = Files.readAllBytes(Path.of(System.getProperty("psa.event", "events/http-api-predict-normal.json")));
    // the body as the handler sees it (decoded when the event says base64)
    body = HttpEvent.parse(event, PredictService.DEFAULT_MAX_BODY_BYTES).body();
  }

  @Benchmark
  public byte[] handler() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
    handler.handleRequest(new ByteArrayInputStream(event), out, context);
    return out.toByteArray();
  }

  @Benchmark
  public byte[] serviceBaseline() {
    return service.answer(body, "application/json", null, "bench").body();
  }
}
