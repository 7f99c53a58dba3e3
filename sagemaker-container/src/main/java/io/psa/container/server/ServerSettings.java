package io.psa.container.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How the server listens and what it accepts. Immutable and validated.
 *
 * @param host address to bind [127.0.0.1; the container's entrypoint binds 0.0.0.0]
 * @param port TCP port, 0 for any free one [8080]
 * @param maxBodyBytes largest request body accepted, bytes [6 MB, the Lambda payload limit]
 * @param requestTimeout longest time from arrival to answer, including reading the body [10 s]
 * @param cacheEntries answers kept for identical bodies, 0 turns the cache off [1,000]
 * @param cacheTtl how long a cached answer is reused [60 s]
 * @param scoringThreads threads that score in parallel [number of processors]
 */
public record ServerSettings(
    String host,
    int port,
    long maxBodyBytes,
    Duration requestTimeout,
    long cacheEntries,
    Duration cacheTtl,
    int scoringThreads) {

  public static final long DEFAULT_MAX_BODY_BYTES = 6L * 1024 * 1024;
  public static final int DEFAULT_PORT = 8080;

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
    if (cacheEntries < 0 || cacheTtl.isNegative()) {
      throw new IllegalArgumentException("cache size and time must be >= 0");
    }
    if (scoringThreads < 1) {
      throw new IllegalArgumentException("scoring threads must be >= 1, got " + scoringThreads);
    }
  }

  /** Every default, on loopback. */
  public static ServerSettings defaults() {
    return new ServerSettings("127.0.0.1", DEFAULT_PORT, DEFAULT_MAX_BODY_BYTES,
        Duration.ofSeconds(10), 1_000, Duration.ofSeconds(60),
        Runtime.getRuntime().availableProcessors());
  }

  public ServerSettings withAddress(String h, int p) {
    return new ServerSettings(h, p, maxBodyBytes, requestTimeout, cacheEntries, cacheTtl, scoringThreads);
  }

  public ServerSettings withMaxBodyBytes(long bytes) {
    return new ServerSettings(host, port, bytes, requestTimeout, cacheEntries, cacheTtl, scoringThreads);
  }

  public ServerSettings withRequestTimeout(Duration t) {
    return new ServerSettings(host, port, maxBodyBytes, t, cacheEntries, cacheTtl, scoringThreads);
  }

  public ServerSettings withCache(long entries, Duration ttl) {
    return new ServerSettings(host, port, maxBodyBytes, requestTimeout, entries, ttl, scoringThreads);
  }

  public boolean cacheEnabled() {
    return cacheEntries > 0 && !cacheTtl.isZero();
  }
}
