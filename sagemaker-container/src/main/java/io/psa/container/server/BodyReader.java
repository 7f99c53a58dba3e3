package io.psa.container.server;

import io.javalin.http.Context;
import io.psa.model.service.ApiException;
import io.psa.model.service.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.EndPoint;

/**
 * Reads a request body within three bounds:
 *
 * <ul>
 *   <li><b>size:</b> a declared {@code Content-Length} over the limit is refused before a byte is
 *       read (and before Jetty sends {@code 100 Continue}); a body sent without one (chunked) is
 *       cut off as soon as it passes the limit;
 *   <li><b>time:</b> the whole body must arrive by the request's deadline (its first byte plus the
 *       request timeout): each read waits at most the time left, however slowly bytes trickle in;
 *   <li><b>memory:</b> the body is read into 64 KB chunks as its bytes arrive (never a buffer
 *       sized from a client's declared length), each reserved in the shared {@link BodyBudget}
 *       before it is allocated, and the body is reserved once more while the chunks are joined:
 *       what the budget counts is what the heap holds.
 * </ul>
 */
final class BodyReader {
  private static final String READ = "psa.body_read";
  private static final String RESERVED = "psa.body_reserved";
  static final int CHUNK = 64 * 1024;
  /** How far past the deadline a read may wait, so that the idle timeout is not reset per read. */
  private static final long DEADLINE_SLACK_MILLIS = 100;

  private final long maxBytes;
  private final long timeoutNanos;
  private final BodyBudget budget;

  BodyReader(long maxBytes, long timeoutNanos, BodyBudget budget) {
    this.maxBytes = maxBytes;
    this.timeoutNanos = timeoutNanos;
    this.budget = budget;
  }

  /** Reads the body of {@code ctx} by its deadline; release its memory with {@link #release}. */
  byte[] read(Context ctx) throws IOException {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBytes) {
      throw tooLarge(declared + " bytes declared");
    }
    long deadline = ConnectionGuard.deadline(ctx, System.nanoTime(), timeoutNanos);
    EndPoint ep = ctx.attribute(ConnectionGuard.END_POINT);
    long idle = ep == null ? 0 : ep.getIdleTimeout();
    try {
      byte[] body = read(ctx, ctx.req().getInputStream(), deadline, ep);
      ctx.attribute(READ, Boolean.TRUE);
      return body;
    } finally {
      if (ep != null && ep.getIdleTimeout() != idle) {
        ep.setIdleTimeout(idle);
      }
    }
  }

  private byte[] read(Context ctx, InputStream in, long deadline, EndPoint ep) {
    // 64 KB chunks, each reserved before it is allocated: no buffer is sized from a client's
    // declared length, and growing never copies
    List<byte[]> chunks = new ArrayList<>();
    byte[] chunk = null;
    int filled = 0;
    long total = 0;
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw timedOut(total);
        }
        long leftMillis = Math.max(1, left / 1_000_000);
        if (ep != null && ep.getIdleTimeout() > leftMillis + DEADLINE_SLACK_MILLIS) {
          // a read then waits at most until the deadline (within the slack), not an idle timeout
          // that every byte restarts; set only when it moved by more than the slack, since each
          // change reschedules Jetty's timer
          ep.setIdleTimeout(leftMillis);
        }
        if (chunk == null || filled == chunk.length) {
          reserve(ctx, CHUNK);
          chunk = new byte[CHUNK];
          chunks.add(chunk);
          filled = 0;
        }
        int n = in.read(chunk, filled, chunk.length - filled);
        if (n < 0) {
          break;
        }
        filled += n;
        total += n;
        if (total > maxBytes) {
          throw tooLarge("more than that sent");
        }
      }
    } catch (IOException e) {
      if (isTimeout(e)) {
        throw timedOut(total);
      }
      throw new ApiException(ErrorCode.BODY_INCOMPLETE,
          "the request body could not be read to its end (" + total + " bytes received)");
    }
    // the whole body once more while it is assembled; the chunks' share is given back after
    long chunksReserved = (long) chunks.size() * CHUNK;
    reserve(ctx, total);
    byte[] body = new byte[(int) total];
    int at = 0;
    for (byte[] c : chunks) {
      int n = (int) Math.min(c.length, total - at);
      System.arraycopy(c, 0, body, at, n);
      at += n;
    }
    unreserve(ctx, chunksReserved);
    return body;
  }

  private void reserve(Context ctx, long bytes) {
    if (!budget.tryReserve(bytes)) {
      throw new ApiException(ErrorCode.SERVER_BUSY, "the server is holding as many request"
          + " bodies as its memory allows; retry shortly");
    }
    Long held = ctx.attribute(RESERVED);
    ctx.attribute(RESERVED, (held == null ? 0 : held) + bytes);
  }

  private void unreserve(Context ctx, long bytes) {
    budget.release(bytes);
    ctx.attribute(RESERVED, (Long) ctx.attribute(RESERVED) - bytes);
  }

  /** Gives back the memory the body of {@code ctx} reserved; safe to call for any request. */
  void release(Context ctx) {
    Long reserved = ctx.attribute(RESERVED);
    if (reserved != null) {
      budget.release(reserved);
      ctx.attribute(RESERVED, null);
    }
  }

  /**
   * Reads and drops the unread body of a refused request, up to {@code maxBytes} and for at most
   * {@code millis}, so that the answer already sent is not lost to a connection reset (closing a
   * socket with unread input resets it).
   *
   * @return whether the body was read to its end
   */
  static boolean discard(Context ctx, long maxBytes, long millis) {
    if (!unread(ctx) || ctx.req().getContentLengthLong() > maxBytes) {
      return !unread(ctx);
    }
    EndPoint ep = ctx.attribute(ConnectionGuard.END_POINT);
    long idle = ep == null ? 0 : ep.getIdleTimeout();
    if (ep != null) {
      ep.setIdleTimeout(Math.max(1, millis));
    }
    long deadline = System.nanoTime() + millis * 1_000_000;
    byte[] buf = new byte[16_384];
    long total = 0;
    try {
      InputStream in = ctx.req().getInputStream();
      for (int n; (n = in.read(buf)) >= 0; ) {
        total += n;
        if (total > maxBytes || System.nanoTime() > deadline) {
          return false;
        }
      }
    } catch (IOException | IllegalStateException e) {
      return false;
    } finally {
      if (ep != null) {
        ep.setIdleTimeout(idle);
      }
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

  private ApiException timedOut(long total) {
    return new ApiException(ErrorCode.REQUEST_TIMEOUT, "the request body did not arrive within"
        + " the server's limit of " + timeoutNanos / 1_000_000 + " ms (" + total + " bytes received)");
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
