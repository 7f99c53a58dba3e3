package io.psa.container.server;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.psa.container.persistence.ResultStore;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: the one factory that registers every route and the error mapping. Starts
 * answering at once; scoring routes and {@code /ping} answer 503 until the {@link ModelHolder} has
 * a model.
 *
 * <pre>{@code
 * try (PsaServer server = PsaServer.start(ServerSettings.defaults(), holder, ResultStore.NONE)) {
 *   server.port();
 * }
 * }</pre>
 */
public final class PsaServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PsaServer.class);

  /** Every route, for metrics labels and the 404 message. */
  static final List<String> ROUTES = List.of(
      "/ping", "/invocations", "/predict", "/execution-parameters", "/health", "/metrics");

  private final Javalin app;
  private final ScoringPool pool;
  private final Drain drain;
  private final long drainMillis;

  private PsaServer(Javalin app, ScoringPool pool, Drain drain, long drainMillis) {
    this.app = app;
    this.pool = pool;
    this.drain = drain;
    this.drainMillis = drainMillis;
  }

  /** Creates and starts the server on {@code settings.host():settings.port()}. */
  public static PsaServer start(ServerSettings settings, ModelHolder models, ResultStore store) {
    Metrics metrics = new Metrics(Set.copyOf(ROUTES), store::status);
    ScoringPool pool = new ScoringPool(settings.scoringThreads(), settings.requestTimeout());
    InvocationHandler invocations = new InvocationHandler(
        models, settings, new ResponseCache(settings, metrics), pool, store);
    StatusHandlers status = new StatusHandlers(models, store, metrics, settings);
    ErrorMapping errors = new ErrorMapping(metrics, settings.maxBodyBytes());
    Drain drain = new Drain();

    Javalin app = Javalin.create(config -> {
      configure(config, settings);
      config.requestLogger.http((ctx, ms) -> {
        drain.finished();
        metrics.request(ctx.path(), ctx.statusCode(), ms);
      });
      config.routes.before(RequestIds::assign);
      config.routes.before(drain::started);
      config.routes.get("/ping", status::ping);
      config.routes.post("/invocations", invocations::invoke);
      config.routes.post("/predict", invocations::invoke);
      config.routes.get("/execution-parameters", status::executionParameters);
      config.routes.get("/health", status::health);
      config.routes.get("/metrics", status::metrics);
      errors.register(config.routes);
    });
    app.start(settings.host(), settings.port());
    // a client that stops sending for this long is cut off, so no request holds a thread longer;
    // the connector exists only once started, and applies the timeout to every new connection
    for (var connector : app.jettyServer().server().getConnectors()) {
      if (connector instanceof ServerConnector c) {
        c.setIdleTimeout(settings.requestTimeout().toMillis());
      }
    }
    PsaServer server = new PsaServer(app, pool, drain, settings.requestTimeout().toMillis());
    LOG.info("psa serve listening on http://{}:{} (body limit {} bytes, timeout {} ms, cache {})",
        settings.host(), server.port(), settings.maxBodyBytes(), settings.requestTimeout().toMillis(),
        settings.cacheEnabled() ? settings.cacheEntries() + " entries for " + settings.cacheTtl() : "off");
    return server;
  }

  private static void configure(JavalinConfig config, ServerSettings settings) {
    config.startup.showJavalinBanner = false;
    config.http.prefer405over404 = true;
    // the body is read by BodyReader under our own cap, never by Javalin's buffered body()
    config.http.maxRequestSize = settings.maxBodyBytes();
  }

  /** The port listened on (the chosen one when started with port 0). */
  public int port() {
    return app.port();
  }

  /**
   * Stops gracefully: new requests are answered 503 at once, requests in flight get up to the
   * request timeout to finish, then the listener and the scoring threads stop.
   */
  @Override
  public void close() {
    drain.drain(drainMillis);
    app.stop();
    pool.close();
  }
}
