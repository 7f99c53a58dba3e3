package io.psa.container.server;

import io.javalin.http.Context;
import io.psa.model.service.ApiException;
import io.psa.model.service.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeoutException;

/**
 * Reads a request body with a hard size cap: a declared {@code Content-Length} over the cap is
 * refused before a byte is read, and a body sent without one (chunked) is cut off as soon as it
 * passes the cap, so an oversized body never costs more than the cap in memory.
 */
final class BodyReader {
  private static final String READ = "psa.body_read";

  private final long maxBytes;

  BodyReader(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /**
   * @param declaredLength the {@code Content-Length}, or -1 when absent
   * @throws ApiException {@code PAYLOAD_TOO_LARGE}, {@code REQUEST_TIMEOUT} when the client stalls
   *     past the connection's idle timeout, {@code BODY_INCOMPLETE} when it goes away
   */
  byte[] read(InputStream in, long declaredLength) {
    if (declaredLength > maxBytes) {
      throw tooLarge(declaredLength + " bytes declared");
    }
    int initial = declaredLength > 0 ? (int) declaredLength : 8192;
    ByteArrayOutputStream out = new ByteArrayOutputStream(initial);
    byte[] buf = new byte[16_384];
    long total = 0;
    try {
      int n;
      while ((n = in.read(buf)) >= 0) {
        total += n;
        if (total > maxBytes) {
          throw tooLarge("more than that sent");
        }
        out.write(buf, 0, n);
      }
    } catch (IOException e) {
      if (isTimeout(e)) {
        throw new ApiException(ErrorCode.REQUEST_TIMEOUT,
            "the request body did not arrive in time (" + total + " bytes received)");
      }
      throw new ApiException(ErrorCode.BODY_INCOMPLETE,
          "the request body could not be read to its end (" + total + " bytes received)");
    }
    return out.toByteArray();
  }

  /** Reads the body of {@code ctx}, remembering that it was read (see {@link #unread}). */
  byte[] read(Context ctx) throws IOException {
    byte[] body = read(ctx.req().getInputStream(), ctx.req().getContentLengthLong());
    ctx.attribute(READ, Boolean.TRUE);
    return body;
  }

  /**
   * Reads and drops the unread body of a refused request, up to {@code maxBytes}, so that the
   * answer is not lost to a connection reset (closing a socket with unread input resets it) and
   * the connection can carry the next request.
   *
   * @return whether the body was read to its end
   */
  static boolean discard(Context ctx, long maxBytes) {
    if (!unread(ctx) || ctx.req().getContentLengthLong() > maxBytes) {
      return !unread(ctx);
    }
    byte[] buf = new byte[16_384];
    long total = 0;
    try {
      InputStream in = ctx.req().getInputStream();
      for (int n; (n = in.read(buf)) >= 0; ) {
        total += n;
        if (total > maxBytes) {
          return false;
        }
      }
    } catch (IOException | IllegalStateException e) {
      return false;
    }
    ctx.attribute(READ, Boolean.TRUE);
    return true;
  }

  /** Whether the request carries a body that was not read to its end. */
  static boolean unread(Context ctx) {
    boolean hasBody = ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
    return hasBody && ctx.attribute(READ) == null;
  }

  private ApiException tooLarge(String what) {
    return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE,
        "the request body is limited to " + maxBytes + " bytes; " + what);
  }

  private static boolean isTimeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException || t instanceof java.net.SocketTimeoutException) {
        return true;
      }
    }
    return false;
  }
}
