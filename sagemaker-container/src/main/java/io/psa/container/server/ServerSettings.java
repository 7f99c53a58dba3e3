package io.psa.container.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How the server listens, what it accepts and how much it may hold. Immutable and validated.
 *
 * @param host address to bind [127.0.0.1; the container's entrypoint binds 0.0.0.0]
 * @param port TCP port, 0 for any free one [8080]
 * @param maxBodyBytes largest request body accepted, bytes [6 MB, the Lambda payload limit]
 * @param requestTimeout longest time from a request's first byte to its answer: the headers, the
 *     whole body, and scoring [10 s]
 * @param cacheEntries answers kept for identical bodies, 0 turns the cache off [1,000]
 * @param cacheTtl how long a cached answer is reused [60 s]
 * @param scoringThreads threads that score in parallel [number of processors]
 * @param maxConnections open connections served; a request on a connection beyond them is
 *     answered 503 {@code too_many_connections} and the connection closed [2,048]
 * @param maxBodiesBytes request bodies held in memory at once, all requests together, as {@link
 *     BodyReader} counts them (a body's 64 KB chunks as they arrive, and the body again while they
 *     are joined); a body that would pass it is answered 503 {@code server_busy} [a quarter of the
 *     maximum heap, and at least {@link #minBodiesBytes}]
 * @param cacheMaxBytes the response cache's bound, bytes, by an estimate of each answer's size
 *     [an eighth of the maximum heap, at most 64 MB]
 */
public record ServerSettings(
    String host,
    int port,
    long maxBodyBytes,
    Duration requestTimeout,
    long cacheEntries,
    Duration cacheTtl,
    int scoringThreads,
    int maxConnections,
    long maxBodiesBytes,
    long cacheMaxBytes) {

  public static final long DEFAULT_MAX_BODY_BYTES = 6L * 1024 * 1024;
  public static final int DEFAULT_PORT = 8080;
  public static final int DEFAULT_MAX_CONNECTIONS = 2048;

  public ServerSettings {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
    }
    if (maxBodyBytes <= 0) {
      throw new IllegalArgumentException("max body must be > 0 bytes, got " + maxBodyBytes);
    }
    if (requestTimeout.toMillis() < 1) {
      throw new IllegalArgumentException("request timeout must be >= 1 ms, got " + requestTimeout);
    }
    if (cacheEntries < 0 || cacheTtl.isNegative() || cacheMaxBytes < 0) {
      throw new IllegalArgumentException("cache size, bytes and time must be >= 0");
    }
    if (scoringThreads < 1) {
      throw new IllegalArgumentException("scoring threads must be >= 1, got " + scoringThreads);
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("max connections must be >= 1, got " + maxConnections);
    }
    if (maxBodiesBytes < minBodiesBytes(maxBodyBytes)) {
      throw new IllegalArgumentException("the memory for bodies (" + maxBodiesBytes
          + " bytes) must hold at least one body of the limit while it is read and joined ("
          + minBodiesBytes(maxBodyBytes) + " bytes)");
    }
  }

  /** Every default, on loopback; the memory bounds follow this JVM's maximum heap. */
  public static ServerSettings defaults() {
    long heap = Runtime.getRuntime().maxMemory();
    return new ServerSettings("127.0.0.1", DEFAULT_PORT, DEFAULT_MAX_BODY_BYTES,
        Duration.ofSeconds(10), 1_000, Duration.ofSeconds(60),
        Runtime.getRuntime().availableProcessors(), DEFAULT_MAX_CONNECTIONS,
        defaultBodiesBytes(heap, DEFAULT_MAX_BODY_BYTES), defaultCacheBytes(heap));
  }

  /** A quarter of the heap, and never less than one body of the limit needs. */
  public static long defaultBodiesBytes(long maxHeap, long maxBodyBytes) {
    return Math.max(maxHeap / 4, minBodiesBytes(maxBodyBytes));
  }

  /** What one body of the limit reserves at most: its 64 KB chunks, then itself while joined. */
  public static long minBodiesBytes(long maxBodyBytes) {
    return 2 * maxBodyBytes + BodyReader.CHUNK;
  }

  /** An eighth of the heap, at most 64 MB. */
  public static long defaultCacheBytes(long maxHeap) {
    return Math.min(maxHeap / 8, 64L * 1024 * 1024);
  }

  public ServerSettings withAddress(String h, int p) {
    return new ServerSettings(h, p, maxBodyBytes, requestTimeout, cacheEntries, cacheTtl,
        scoringThreads, maxConnections, maxBodiesBytes, cacheMaxBytes);
  }

  /** Another body limit; the memory for bodies grows to hold one such body when needed. */
  public ServerSettings withMaxBodyBytes(long bytes) {
    return new ServerSettings(host, port, bytes, requestTimeout, cacheEntries, cacheTtl,
        scoringThreads, maxConnections, Math.max(maxBodiesBytes, minBodiesBytes(bytes)), cacheMaxBytes);
  }

  public ServerSettings withRequestTimeout(Duration t) {
    return new ServerSettings(host, port, maxBodyBytes, t, cacheEntries, cacheTtl,
        scoringThreads, maxConnections, maxBodiesBytes, cacheMaxBytes);
  }

  public ServerSettings withCache(long entries, Duration ttl) {
    return new ServerSettings(host, port, maxBodyBytes, requestTimeout, entries, ttl,
        scoringThreads, maxConnections, maxBodiesBytes, cacheMaxBytes);
  }

  public ServerSettings withCacheMaxBytes(long bytes) {
    return new ServerSettings(host, port, maxBodyBytes, requestTimeout, cacheEntries, cacheTtl,
        scoringThreads, maxConnections, maxBodiesBytes, bytes);
  }

  public ServerSettings withMaxConnections(int n) {
    return new ServerSettings(host, port, maxBodyBytes, requestTimeout, cacheEntries, cacheTtl,
        scoringThreads, n, maxBodiesBytes, cacheMaxBytes);
  }

  public ServerSettings withMaxBodiesBytes(long bytes) {
    return new ServerSettings(host, port, maxBodyBytes, requestTimeout, cacheEntries, cacheTtl,
        scoringThreads, maxConnections, bytes, cacheMaxBytes);
  }

  public boolean cacheEnabled() {
    return cacheEntries > 0 && !cacheTtl.isZero() && cacheMaxBytes > 0;
  }
}
