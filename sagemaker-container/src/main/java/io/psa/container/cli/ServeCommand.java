package io.psa.container.cli;

import io.psa.container.persistence.BufferedResultStore;
import io.psa.container.persistence.DatabaseSettings;
import io.psa.container.persistence.ResultStore;
import io.psa.container.server.ModelHolder;
import io.psa.container.server.PsaServer;
import io.psa.container.server.ServerSettings;
import io.psa.model.scoring.ModelScorer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code psa serve}: the HTTP server of API.md until stopped (SIGTERM / Ctrl-C stops it gracefully:
 * requests in flight finish, pending results are written or spilled).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Serves /predict and SageMaker's /ping, /invocations and /execution-parameters, plus /health"
          + " and /metrics.",
      "",
      "The model: --model DIR; else /opt/ml/model when it holds a model (SageMaker); else a default"
          + " Isolation Forest trained at start on simulated normal data (a few seconds; /ping"
          + " answers 503 until it is ready).",
      "With PSA_DB_URL (a jdbc:postgresql: URL) every answer is written to inference_results."
    },
    footer = {
      "",
      "Examples:",
      "  psa serve",
      "  psa simulate --duration 10s --format predict > body.json",
      "  curl -s -H 'Content-Type: application/json' --data-binary @body.json localhost:8080/predict",
      "  PSA_DB_URL='jdbc:postgresql://127.0.0.1:5432/test?user=postgres' psa serve --model model/"
    })
public final class ServeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
  static final Path SAGEMAKER_MODEL_DIR = Path.of("/opt/ml/model");

  @Option(names = "--model", paramLabel = "DIR",
      description = "A model directory (psa train's output); default: /opt/ml/model if it holds one,"
          + " else a default model trained at start.")
  Path model;

  @Option(names = "--port", defaultValue = "${env:SAGEMAKER_BIND_TO_PORT:-8080}",
      description = "TCP port, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", defaultValue = "${env:PSA_HOST:-127.0.0.1}",
      description = "Address to bind; the container uses 0.0.0.0 (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--max-body-mb", defaultValue = "6",
      description = "Largest request body in MB (default: ${DEFAULT-VALUE}, the Lambda limit).")
  double maxBodyMb;

  @Option(names = "--timeout", defaultValue = "10s", converter = DurationConverter.class,
      paramLabel = "TIME", description = "Longest time for one request (default: ${DEFAULT-VALUE}).")
  long timeoutMs;

  @Option(names = "--cache-entries", defaultValue = "1000",
      description = "Answers cached for identical bodies; 0 turns the cache off (default: ${DEFAULT-VALUE}).")
  long cacheEntries;

  @Option(names = "--cache-ttl", defaultValue = "60s", converter = DurationConverter.class,
      paramLabel = "TIME", description = "How long a cached answer is reused (default: ${DEFAULT-VALUE}).")
  long cacheTtlMs;

  @Option(names = "--threads", defaultValue = "0",
      description = "Scoring threads; 0 = one per processor (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--max-connections", defaultValue = "2048",
      description = "Connections served at once; a request on one beyond them is answered 503"
          + " (default: ${DEFAULT-VALUE}).")
  int maxConnections;

  @Option(names = "--bodies-mb", defaultValue = "0",
      description = "Memory for request bodies in flight, all requests together, MB; 0 = a quarter"
          + " of the maximum heap (default: ${DEFAULT-VALUE}).")
  double bodiesMb;

  @Option(names = "--cache-mb", defaultValue = "-1",
      description = "The response cache's bound in MB; -1 = an eighth of the maximum heap, at most"
          + " 64 (default: ${DEFAULT-VALUE}).")
  double cacheMb;

  @Override
  public Integer call() throws Exception {
    FatalErrors.install();
    long heap = Runtime.getRuntime().maxMemory();
    long maxBody = Math.round(maxBodyMb * 1024 * 1024);
    ServerSettings settings = new ServerSettings(host, port, maxBody,
        Duration.ofMillis(timeoutMs), cacheEntries, Duration.ofMillis(cacheTtlMs),
        threads > 0 ? threads : Runtime.getRuntime().availableProcessors(), maxConnections,
        bodiesMb > 0 ? Math.round(bodiesMb * 1024 * 1024)
            : ServerSettings.defaultBodiesBytes(heap, maxBody),
        cacheMb >= 0 ? Math.round(cacheMb * 1024 * 1024) : ServerSettings.defaultCacheBytes(heap));
    ModelHolder models = new ModelHolder();
    Path dir = modelDir(model, SAGEMAKER_MODEL_DIR);
    if (dir != null) {
      // an explicit model that does not load is a failed start, not a server stuck at 503
      ModelScorer scorer = ModelScorer.load(dir);
      models.set(scorer);
      LOG.info("model {} {} ({}) loaded from {}", scorer.model().name(), scorer.model().version(),
          scorer.model().detector(), dir);
    }
    ResultStore store = resultStore();
    PsaServer server = PsaServer.start(settings, models, store);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, store), "psa-shutdown"));
    if (dir == null) {
      Thread.ofPlatform().name("psa-default-model").start(() -> trainDefault(models));
    }
    new CountDownLatch(1).await(); // until the shutdown hook ends the process
    return 0;
  }

  /** The model directory to load, or null to train the default model. */
  static Path modelDir(Path explicit, Path sagemakerDir) {
    if (explicit != null) {
      return explicit;
    }
    return Files.isRegularFile(sagemakerDir.resolve("manifest.json")) ? sagemakerDir : null;
  }

  private static ResultStore resultStore() {
    DatabaseSettings db = DatabaseSettings.fromEnv(System.getenv());
    if (db == null) {
      LOG.info("PSA_DB_URL not set: results are not stored");
      return ResultStore.NONE;
    }
    LOG.info("results go to schema {} through the spill journal {} (at most {} MB)", db.schema(),
        db.spillFile().toAbsolutePath(), db.spillMaxBytes() / (1024 * 1024));
    return BufferedResultStore.forPostgres(db);
  }

  private static void trainDefault(ModelHolder models) {
    LOG.info("no --model and no model in {}: training the default Isolation Forest on {} min of"
        + " simulated normal data; /ping answers 503 until it is ready", SAGEMAKER_MODEL_DIR,
        DefaultModel.TRAINING_MS / 60_000);
    long start = System.nanoTime();
    try {
      ModelScorer scorer = DefaultModel.train();
      models.set(scorer);
      LOG.info("default model {} {} ready after {} ms", scorer.model().name(),
          scorer.model().version(), (System.nanoTime() - start) / 1_000_000);
    } catch (Exception | Error e) {
      models.failed(e.toString());
      LOG.error("training the default model failed; the server answers 503", e);
    }
  }

  private static void stop(PsaServer server, ResultStore store) {
    LOG.info("stopping: finishing requests in flight, then writing pending results");
    server.close();
    store.close();
    LOG.info("stopped");
  }
}
