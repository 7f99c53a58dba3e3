package io.psa.container.server;

import io.psa.model.scoring.PredictionJson;
import io.psa.model.service.ErrorCode;
import java.nio.ByteBuffer;
import java.nio.channels.WritePendingException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * What no client may hold for long: a connection slot, or a request it is slow to send. Installed
 * in front of every route (a Jetty handler) and on the connector (a connection listener):
 *
 * <ul>
 *   <li><b>Connections:</b> the first {@code maxConnections} open connections are served; a request
 *       on one beyond them is answered 503 {@code too_many_connections} with {@code Connection:
 *       close}, and such a connection that stays silent is closed after a second.
 *   <li><b>Header deadline:</b> Jetty's idle timeout restarts with every byte, so a client sending
 *       its headers a byte a second would hold its connection forever. A sweep every 100 ms answers
 *       408 {@code request_timeout} and closes any connection whose request has been arriving
 *       longer than the request timeout without its headers being complete.
 *   <li><b>Body deadline:</b> the request's arrival time and its {@link EndPoint} are handed to the
 *       routes (request attributes {@link #BEGIN_NANOS}, {@link #END_POINT}), so that {@link
 *       BodyReader} can bound each read by the time left rather than by an idle timeout.
 *   <li><b>Backstop:</b> an exchange still open 5 s past its deadline (a client that does not read
 *       its answer) is closed.
 * </ul>
 *
 * Threads: none per connection; the sweep is one daemon thread.
 */
final class ConnectionGuard extends Handler.Wrapper implements Connection.Listener, AutoCloseable {
  /** Request attribute: {@link System#nanoTime()} when the request's first byte arrived. */
  static final String BEGIN_NANOS = "psa.begin_nanos";
  /** Request attribute: the connection's {@link EndPoint}. */
  static final String END_POINT = "psa.end_point";

  /**
   * When the request's time is up: {@code timeoutNanos} after its first byte arrived, or after
   * {@code nowNanos} for a request the guard did not see (tests that call a handler directly).
   */
  static long deadline(io.javalin.http.Context ctx, long nowNanos, long timeoutNanos) {
    Long begin = ctx.attribute(BEGIN_NANOS);
    return (begin == null ? nowNanos : begin) + timeoutNanos;
  }

  private static final long SWEEP_MILLIS = 100;
  private static final long BACKSTOP_NANOS = TimeUnit.SECONDS.toNanos(5);
  private static final long EXCESS_IDLE_MILLIS = 1_000;

  /** One open connection's state; written by Jetty's threads and the sweep. */
  private static final class Track {
    final Connection connection;
    final boolean admitted;
    final AtomicInteger active = new AtomicInteger();
    volatile long beginNanos;
    volatile long bytesAtIdle;
    volatile long firstByteSeenNanos;
    volatile boolean timedOut;

    Track(Connection connection, boolean admitted) {
      this.connection = connection;
      this.admitted = admitted;
    }
  }

  private final int maxConnections;
  private final long timeoutNanos;
  private final Metrics metrics;
  private final Map<Connection, Track> open = new ConcurrentHashMap<>();
  private final AtomicInteger admitted = new AtomicInteger();
  private final LongAdder refused = new LongAdder();
  private final LongAdder headerTimeouts = new LongAdder();
  private final ScheduledExecutorService sweeper;

  ConnectionGuard(ServerSettings settings, Metrics metrics) {
    this.maxConnections = settings.maxConnections();
    this.timeoutNanos = settings.requestTimeout().toNanos();
    this.metrics = metrics;
    this.sweeper = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().name("psa-connection-sweep").daemon(true).factory());
    sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
  }

  int openConnections() {
    return open.size();
  }

  long refusedConnections() {
    return refused.sum();
  }

  long headerTimeouts() {
    return headerTimeouts.sum();
  }

  @Override
  public void onOpened(Connection connection) {
    boolean in = admitted.incrementAndGet() <= maxConnections;
    if (!in) {
      admitted.decrementAndGet();
      // a slot-hogger beyond the limit that never sends gets a second, not the idle timeout
      EndPoint ep = connection.getEndPoint();
      ep.setIdleTimeout(Math.min(ep.getIdleTimeout(), EXCESS_IDLE_MILLIS));
    }
    open.put(connection, new Track(connection, in));
  }

  @Override
  public void onClosed(Connection connection) {
    Track t = open.remove(connection);
    if (t != null && t.admitted) {
      admitted.decrementAndGet();
    }
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Connection connection = request.getConnectionMetaData().getConnection();
    Track t = open.get(connection);
    if (t != null && !t.admitted) {
      refuse(response, callback);
      return true;
    }
    long begin = request.getBeginNanoTime();
    request.setAttribute(BEGIN_NANOS, begin);
    request.setAttribute(END_POINT, connection.getEndPoint());
    if (t == null) {
      return super.handle(request, response, callback);
    }
    t.beginNanos = begin;
    t.active.incrementAndGet();
    Callback done = Callback.from(callback, () -> idle(t));
    boolean handled;
    try {
      handled = super.handle(request, response, done);
    } catch (Exception | Error e) {
      idle(t);
      throw e;
    }
    if (!handled) {
      idle(t);
    }
    return handled;
  }

  private void idle(Track t) {
    t.bytesAtIdle = t.connection.getBytesIn();
    t.firstByteSeenNanos = 0;
    t.active.decrementAndGet();
  }

  private void refuse(Response response, Callback callback) {
    refused.increment();
    String code = ErrorCode.TOO_MANY_CONNECTIONS.apiCode();
    metrics.error(code);
    response.setStatus(ErrorCode.TOO_MANY_CONNECTIONS.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
    response.write(true, ByteBuffer.wrap(PredictionJson.errorBytes(code, "the server serves "
        + maxConnections + " connections at once; retry shortly", null)), callback);
  }

  /** Enforces the header deadline and the backstop; runs every 100 ms. */
  private void sweep() {
    long now = System.nanoTime();
    for (Track t : open.values()) {
      try {
        if (t.active.get() == 0) {
          if (t.connection.getBytesIn() > t.bytesAtIdle && !t.timedOut) {
            if (t.firstByteSeenNanos == 0) {
              t.firstByteSeenNanos = now;
            } else if (now - t.firstByteSeenNanos > timeoutNanos) {
              headerTimeout(t);
            }
          }
        } else if (now - t.beginNanos > timeoutNanos + BACKSTOP_NANOS) {
          t.connection.getEndPoint().close();
        }
      } catch (RuntimeException e) {
        // a connection closing under the sweep: nothing to do
      }
    }
  }

  /** Answers 408 on a connection whose headers did not arrive in time, then closes it. */
  private void headerTimeout(Track t) {
    t.timedOut = true;
    headerTimeouts.increment();
    String code = ErrorCode.REQUEST_TIMEOUT.apiCode();
    metrics.error(code);
    byte[] body = PredictionJson.errorBytes(code, "the request headers did not arrive within the"
        + " server's limit of " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms", null);
    String head = "HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
    EndPoint ep = t.connection.getEndPoint();
    try {
      ep.write(Callback.from(ep::close, x -> ep.close()),
          ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)), ByteBuffer.wrap(body));
    } catch (WritePendingException e) {
      ep.close();
    }
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
  }
}
