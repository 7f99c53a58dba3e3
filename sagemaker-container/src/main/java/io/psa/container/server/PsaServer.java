package io.psa.container.server;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.psa.container.persistence.ResultStore;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: the one factory that registers every route and the error mapping. Starts
 * answering at once; scoring routes and {@code /ping} answer 503 until the {@link ModelHolder} has
 * a model.
 *
 * <p>What a client can hold is bounded (README "Reliability"): requests run on virtual threads, so
 * a slow body parks a cheap thread rather than one of a fixed pool that {@code /ping} also needs;
 * the {@link ConnectionGuard} bounds connections and the time to send headers; the {@link
 * BodyReader} bounds a body's size, time and memory; Jetty's own refusals are JSON
 * ({@link JsonErrorHandler}).
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
  private final ConnectionGuard guard;
  private final Drain drain;
  private final long drainMillis;

  private PsaServer(Javalin app, ScoringPool pool, ConnectionGuard guard, Drain drain,
      long drainMillis) {
    this.app = app;
    this.pool = pool;
    this.guard = guard;
    this.drain = drain;
    this.drainMillis = drainMillis;
  }

  /** Creates and starts the server on {@code settings.host():settings.port()}. */
  public static PsaServer start(ServerSettings settings, ModelHolder models, ResultStore store) {
    Metrics metrics = new Metrics(Set.copyOf(ROUTES), store::status);
    ScoringPool pool = new ScoringPool(settings.scoringThreads(), settings.requestTimeout());
    ConnectionGuard guard = new ConnectionGuard(settings, metrics);
    BodyBudget budget = new BodyBudget(settings.maxBodiesBytes());
    ResponseCache cache = new ResponseCache(settings, metrics);
    BodyReader bodies = new BodyReader(settings.maxBodyBytes(), settings.requestTimeout().toNanos(), budget);
    InvocationHandler invocations = new InvocationHandler(models, settings, bodies, cache, pool, store);
    StatusHandlers status = new StatusHandlers(models, store, metrics, settings, () -> new Resources(
        guard.openConnections(), settings.maxConnections(), guard.refusedConnections(),
        guard.headerTimeouts(), budget.used(), budget.limit(), cache.weight(), cache.maxBytes(),
        Runtime.getRuntime().maxMemory()));
    ErrorMapping errors = new ErrorMapping(metrics, settings.maxBodyBytes());
    Drain drain = new Drain();

    Javalin app = Javalin.create(config -> {
      configure(config, settings, guard, metrics);
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
    app.start();
    PsaServer server = new PsaServer(app, pool, guard, drain, settings.requestTimeout().toMillis());
    LOG.info("psa serve listening on http://{}:{} (body limit {} bytes, timeout {} ms, {} connections,"
        + " {} MB for bodies, cache {})", settings.host(), server.port(), settings.maxBodyBytes(),
        settings.requestTimeout().toMillis(), settings.maxConnections(),
        settings.maxBodiesBytes() / (1024 * 1024), settings.cacheEnabled()
            ? settings.cacheEntries() + " entries or " + settings.cacheMaxBytes() / (1024 * 1024)
                + " MB for " + settings.cacheTtl()
            : "off");
    return server;
  }

  private static void configure(JavalinConfig config, ServerSettings settings,
      ConnectionGuard guard, Metrics metrics) {
    config.startup.showJavalinBanner = false;
    config.http.prefer405over404 = true;
    // the body is read by BodyReader under our own bounds, never by Javalin's buffered body()
    config.http.maxRequestSize = settings.maxBodyBytes();
    // a request waiting for its body parks a virtual thread, not one of a pool /ping needs too
    config.concurrency.useVirtualThreads = true;
    config.jetty.modifyServer(server -> {
      server.setErrorHandler(new JsonErrorHandler(metrics));
      guard.setHandler(server.getHandler());
      server.setHandler(guard);
    });
    config.jetty.addConnector((server, http) -> {
      ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
      connector.setHost(settings.host());
      connector.setPort(settings.port());
      // an idle keep-alive connection is closed after this; a request in progress is bounded by
      // the deadlines of ConnectionGuard and BodyReader instead
      connector.setIdleTimeout(settings.requestTimeout().toMillis());
      // a burst of connections waits in the kernel's queue instead of being reset
      connector.setAcceptQueueSize(settings.maxConnections());
      connector.addEventListener(guard);
      return connector;
    });
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
    guard.close();
    pool.close();
  }
}
