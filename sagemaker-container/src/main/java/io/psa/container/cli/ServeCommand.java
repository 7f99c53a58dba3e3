package io.psa.container.cli;

import io.javalin.util.JavalinBindException;
import io.psa.container.persistence.EmbeddedDatabaseException;
import io.psa.container.persistence.StorageChoice;
import io.psa.container.server.ModelHolder;
import io.psa.container.server.PsaServer;
import io.psa.container.server.ServerSettings;
import io.psa.model.scoring.ModelScorer;
import io.psa.model.training.DefaultModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code psa serve}: the HTTP server of docs/api.md until stopped (SIGTERM / Ctrl-C stops it
 * gracefully: requests in flight finish, pending results are written or stay in the journal for the
 * next start).
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
      "Every answer is written to the table inference_results (psa results lists them): by"
          + " default in an embedded PostgreSQL kept in ~/.psa/postgres ($PSA_HOME/postgres),"
          + " started with the server; with PSA_DB_URL (a jdbc:postgresql: URL) in that database;"
          + " with --db none nowhere."
    },
    footer = {
      "",
      "Exit status: 1 failure, 2 invalid options (a port in use, a missing model folder).",
      "",
      "Examples:",
      "  psa serve",
      "  psa serve --model model/ --port 9000 --db none",
      "  export PSA_DB_URL='jdbc:postgresql://127.0.0.1:5432/test?user=postgres'",
      "  psa serve --model model/"
    })
public final class ServeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
  static final Path SAGEMAKER_MODEL_DIR = Path.of("/opt/ml/model");

  @Spec CommandSpec spec;

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

  @Option(names = "--db", paramLabel = "WHERE",
      description = "Where results go: embedded, none, or a jdbc:postgresql: URL (default:"
          + " PSA_DB_URL if set, else embedded; the container image: none).")
  String db;

  @Override
  public Integer call() throws Exception {
    FatalErrors.install();
    ServerSettings settings = settings();
    ModelHolder models = new ModelHolder();
    Path dir = modelDir(model, SAGEMAKER_MODEL_DIR);
    if (dir != null) {
      if (model != null) {
        CliPaths.existingDirectory(spec.commandLine(), "--model", model);
      }
      // an explicit model that does not load is a failed start, not a server stuck at 503
      ModelScorer scorer = ModelScorer.load(dir);
      models.set(scorer);
      LOG.info("model {} {} ({}) loaded from {}", scorer.model().name(), scorer.model().version(),
          scorer.model().detector(), dir);
    }
    refuseAPortInUse(settings);
    ResultStorage storage = openStorage();
    PsaServer server;
    try {
      server = PsaServer.start(settings, models, storage.store());
    } catch (JavalinBindException e) { // taken between the check and the start
      storage.close();
      throw portInUse(settings);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, storage), "psa-shutdown"));
    if (dir == null) {
      Thread.ofPlatform().name("psa-default-model").start(() -> trainDefault(models));
    }
    new CountDownLatch(1).await(); // until the shutdown hook ends the process
    return 0;
  }

  /** The options as settings; an out-of-range value is a usage error naming its option. */
  private ServerSettings settings() {
    if (port < 0 || port > 65_535) {
      throw new ParameterException(spec.commandLine(), "--port: must be 0 to 65535, got " + port);
    }
    long heap = Runtime.getRuntime().maxMemory();
    long maxBody = Math.round(maxBodyMb * 1024 * 1024);
    try {
      return new ServerSettings(host, port, maxBody, Duration.ofMillis(timeoutMs), cacheEntries,
          Duration.ofMillis(cacheTtlMs),
          threads > 0 ? threads : Runtime.getRuntime().availableProcessors(), maxConnections,
          bodiesMb > 0 ? Math.round(bodiesMb * 1024 * 1024)
              : ServerSettings.defaultBodiesBytes(heap, maxBody),
          cacheMb >= 0 ? Math.round(cacheMb * 1024 * 1024) : ServerSettings.defaultCacheBytes(heap));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** Checked before the database starts, so that a taken port is reported at once and alone. */
  private void refuseAPortInUse(ServerSettings settings) {
    if (settings.port() == 0) {
      return;
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true); // as Jetty binds: a port in TIME_WAIT is free
      probe.bind(new InetSocketAddress(settings.host(), settings.port()));
    } catch (IOException e) {
      throw portInUse(settings);
    }
  }

  private ParameterException portInUse(ServerSettings settings) {
    return new ParameterException(spec.commandLine(), "--port: port " + settings.port() + " on "
        + settings.host() + " is in use (another psa serve?); choose another, or 0 for any free one");
  }

  private ResultStorage openStorage() {
    try {
      return ResultStorage.open(StorageChoice.resolve(db, System.getenv()), System.getenv());
    } catch (IllegalArgumentException | EmbeddedDatabaseException | UncheckedIOException e) {
      // UncheckedIOException: the spill journal is not writable, or another server holds it
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** The model directory to load, or null to train the default model. */
  static Path modelDir(Path explicit, Path sagemakerDir) {
    if (explicit != null) {
      return explicit;
    }
    return Files.isRegularFile(sagemakerDir.resolve("manifest.json")) ? sagemakerDir : null;
  }

  private static void trainDefault(ModelHolder models) {
    LOG.info("no --model and no model in {}: training the default {} model on {} min of"
        + " simulated normal data; /ping answers 503 until it is ready", SAGEMAKER_MODEL_DIR,
        DefaultModel.SETTINGS.get("detector"), DefaultModel.TRAINING_MINUTES);
    long start = System.nanoTime();
    try {
      ModelScorer scorer = DefaultModel.scorer(VersionProvider.version());
      models.set(scorer);
      LOG.info("default model {} {} ready after {} ms", scorer.model().name(),
          scorer.model().version(), (System.nanoTime() - start) / 1_000_000);
    } catch (Exception | Error e) {
      models.failed(e.toString());
      LOG.error("training the default model failed; the server answers 503", e);
    }
  }

  private static void stop(PsaServer server, ResultStorage storage) {
    LOG.info("stopping: finishing requests in flight, then writing pending results");
    server.close();
    storage.close();
    LOG.info("stopped");
  }
}
