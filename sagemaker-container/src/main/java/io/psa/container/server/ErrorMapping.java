package io.psa.container.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.psa.dsp.ValidationException;
import io.psa.model.scoring.PredictionJson;
import io.psa.model.service.ApiException;
import io.psa.model.service.ErrorCode;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place exceptions become answers, all as the API.md error JSON of {@link PredictionJson}:
 * a {@link ValidationException} is a 400 naming the field, an {@link ApiException} its code's
 * status, 404 and 405 from the router likewise, and anything else a 500 that says only "internal
 * error" and the request id, with the stack trace in the log under that id.
 */
final class ErrorMapping {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

  private final Metrics metrics;
  /** How many times the body limit an oversized request is drained before its connection closes. */
  private static final long DRAIN_FACTOR = 4;

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
        + clip(ctx.path()) + "; the routes are " + String.join(", ", PsaServer.ROUTES), null));
    routes.error(405, ctx -> write(ctx, ErrorCode.METHOD_NOT_ALLOWED,
        "method " + ctx.method() + " is not allowed on " + clip(ctx.path()), null));
  }

  private void validation(ValidationException e, Context ctx) {
    String code = e.code().name().toLowerCase(Locale.ROOT);
    metrics.error(code);
    ctx.status(400).contentType("application/json").result(PredictionJson.errorBytes(e));
  }

  private void api(ApiException e, Context ctx) {
    if (e.code().status() == 503) {
      ctx.header("Retry-After", "1");
    }
    write(ctx, e.code(), e.getMessage(), null);
  }

  private void unexpected(Exception e, Context ctx) {
    String id = RequestIds.of(ctx);
    LOG.error("request {} {} {} failed", id, ctx.method(), clip(ctx.path()), e);
    write(ctx, ErrorCode.INTERNAL, "internal error; request id " + id, null);
  }

  private void write(Context ctx, ErrorCode code, String message, String field) {
    // Refused before its body was read: read and drop it, within a bound, so the answer is not
    // lost to the reset that closing a socket with unread input causes. An oversized body is
    // drained up to DRAIN_FACTOR x the limit (bandwidth, never memory) and the connection closed:
    // a client that ignored the limit should not keep it.
    boolean tooLarge = code == ErrorCode.PAYLOAD_TOO_LARGE;
    boolean drained = BodyReader.discard(ctx, tooLarge ? DRAIN_FACTOR * maxBodyBytes : maxBodyBytes);
    if (tooLarge || (!drained && BodyReader.unread(ctx))) {
      ctx.header("Connection", "close");
    }
    String name = code.name().toLowerCase(Locale.ROOT);
    metrics.error(name);
    ctx.status(code.status()).contentType("application/json")
        .result(PredictionJson.errorBytes(name, message, field));
  }

  private static String clip(String s) {
    return s.length() <= 100 ? s : s.substring(0, 100) + "...";
  }
}
