package io.psa.container.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.psa.dsp.ValidationException;
import io.psa.model.scoring.PredictionJson;
import io.psa.model.service.ApiException;
import io.psa.model.service.ErrorCode;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place exceptions become answers, all as the docs/api.md error JSON of {@link
 * PredictionJson}: a {@link ValidationException} is a 400 naming the field, an {@link ApiException}
 * its code's status, 404 and 405 from the router likewise, and anything else a 500 that says only
 * "internal error" and the request id, with the stack trace in the log under that id. (Jetty's own
 * refusals, before any route, are {@link JsonErrorHandler}'s.)
 *
 * <p>A request refused before its body was read (413, 415, 406, 503) is answered at once, without
 * {@code 100 Continue}; then, so that the answer is not lost to the reset that closing a socket
 * with unread input causes, the body is read and dropped for a bounded time and size (bandwidth,
 * never memory) unless the client is waiting for {@code 100 Continue}. An oversized body's
 * connection is closed after that: a client that ignored the limit should not keep it.
 */
final class ErrorMapping {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
  /**
   * How much of an oversized body is drained after its 413: 4 x the limit, and at least 64 MiB.
   * Closing with input still arriving resets the connection, and a client busy sending can lose
   * the 413 to that reset (seen on a loaded machine with a 1 MiB body and a 256 KiB limit); the
   * time bound below is what protects the server.
   */
  private static final long DRAIN_FACTOR = 4;
  private static final long DRAIN_FLOOR = 64L << 20;
  /** Longest time a refused request's body is drained after its answer. */
  private static final long DRAIN_MILLIS = 5_000;

  private final Metrics metrics;
  private final long maxBodyBytes;

  ErrorMapping(Metrics metrics, long maxBodyBytes) {
    this.metrics = metrics;
    this.maxBodyBytes = maxBodyBytes;
  }

  void register(RoutesConfig routes) {
    routes.exception(ValidationException.class, this::validation);
    routes.exception(ApiException.class, this::api);
    routes.exception(Exception.class, this::unexpected);
    routes.error(404, ctx -> write(ctx, ErrorCode.NOT_FOUND, "no route " + ctx.method() + " "
        + ValidationException.echo(ctx.path()) + "; the routes are "
        + String.join(", ", PsaServer.ROUTES)));
    routes.error(405, ctx -> write(ctx, ErrorCode.METHOD_NOT_ALLOWED,
        "method " + ctx.method() + " is not allowed on " + ValidationException.echo(ctx.path())));
  }

  private void validation(ValidationException e, Context ctx) {
    String code = e.code().apiCode();
    metrics.error(code);
    ctx.status(400).contentType("application/json").result(PredictionJson.errorBytes(e));
  }

  private void api(ApiException e, Context ctx) {
    if (e.code().status() == 503) {
      ctx.header("Retry-After", "1");
    }
    write(ctx, e.code(), e.getMessage());
  }

  private void unexpected(Exception e, Context ctx) {
    String id = RequestIds.of(ctx);
    LOG.error("request {} {} {} failed", id, ctx.method(), ValidationException.echo(ctx.path()), e);
    write(ctx, ErrorCode.INTERNAL, "internal error; request id " + id);
  }

  private void write(Context ctx, ErrorCode code, String message) {
    String name = code.apiCode();
    metrics.error(name);
    byte[] body = PredictionJson.errorBytes(name, message, null);
    ctx.status(code.status()).contentType("application/json");
    if (!BodyReader.unread(ctx)) {
      ctx.result(body);
      return;
    }
    boolean tooLarge = code == ErrorCode.PAYLOAD_TOO_LARGE;
    // a client that stalled or went away mid-body will send nothing more worth waiting for
    boolean stalled = code == ErrorCode.REQUEST_TIMEOUT || code == ErrorCode.BODY_INCOMPLETE;
    if (tooLarge || stalled) {
      ctx.header("Connection", "close");
    }
    try {
      // the answer first: a client waiting for 100 Continue gets it instead, and sends nothing
      ctx.res().setContentLength(body.length);
      ctx.res().getOutputStream().write(body);
      ctx.res().flushBuffer();
    } catch (IOException e) {
      return; // the client went away
    }
    if (!stalled && !"100-continue".equalsIgnoreCase(ctx.header("Expect"))) {
      long drain = tooLarge ? Math.max(DRAIN_FACTOR * maxBodyBytes, DRAIN_FLOOR) : maxBodyBytes;
      BodyReader.discard(ctx, drain, DRAIN_MILLIS);
    }
  }
}
