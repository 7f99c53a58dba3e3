package io.psa.container.server;

import io.javalin.http.Context;
import java.util.UUID;

/**
 * Every request gets a fresh id before any handler runs: the {@code request_id} of its answer, the
 * {@code X-Request-Id} header of every response (errors too), and the key to find it in the log.
 */
final class RequestIds {
  static final String HEADER = "X-Request-Id";
  private static final String ATTRIBUTE = "psa.request_id";

  private RequestIds() {}

  static void assign(Context ctx) {
    String id = UUID.randomUUID().toString();
    ctx.attribute(ATTRIBUTE, id);
    ctx.header(HEADER, id);
  }

  /** The request's id; assigned here if a handler runs before {@link #assign}. */
  static String of(Context ctx) {
    String id = ctx.attribute(ATTRIBUTE);
    if (id == null) {
      assign(ctx);
      id = ctx.attribute(ATTRIBUTE);
    }
    return id;
  }
}
