package io.psa.container.server;

/**
 * What the server holds now against its bounds, for {@code /health} and {@code /metrics}.
 *
 * @param openConnections connections open now
 * @param maxConnections connections served at once
 * @param refusedConnections requests refused since start for being beyond the connection bound
 * @param headerTimeouts connections closed since start because their headers did not arrive in time
 * @param bodiesBytes memory reserved by request bodies now
 * @param maxBodiesBytes the bound on it
 * @param cacheBytes the response cache's estimated size now
 * @param maxCacheBytes the bound on it (0 when the cache is off)
 * @param heapMaxBytes the JVM's maximum heap
 */
record Resources(
    int openConnections,
    int maxConnections,
    long refusedConnections,
    long headerTimeouts,
    long bodiesBytes,
    long maxBodiesBytes,
    long cacheBytes,
    long maxCacheBytes,
    long heapMaxBytes) {}
