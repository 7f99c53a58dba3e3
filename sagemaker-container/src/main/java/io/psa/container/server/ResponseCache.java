package io.psa.container.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.psa.model.Prediction;
import io.psa.model.artifact.Checksums;
import io.psa.model.service.MediaTypes;

/**
 * Answers for identical bodies within a short time (Caffeine), bounded by time since writing and
 * by bytes: each answer weighs an estimate of its size in memory (twice its encoded answer plus
 * 1 KB for the key and the entry), so large batches cannot fill the heap however few they are. The
 * entry bound is kept by making every entry weigh at least {@code maxBytes / entries}. The key is
 * the SHA-256 of the body and its format, plus the model
 * version, so a new model never serves an old answer. A hit is the stored {@link Prediction}; the
 * handler gives it a new request id and records it like any other answer.
 */
final class ResponseCache {
  private static final int ENTRY_OVERHEAD = 1024;

  /** What identifies an answer. */
  record Key(String bodySha256, MediaTypes format, String modelVersion) {}

  private record Entry(Prediction prediction, int weight) {}

  private final Cache<Key, Entry> cache;
  private final Metrics metrics;
  private final long maxBytes;
  private final long minWeight;

  /** A disabled cache when {@code settings.cacheEnabled()} is false. */
  ResponseCache(ServerSettings settings, Metrics metrics) {
    this.metrics = metrics;
    this.maxBytes = settings.cacheMaxBytes();
    this.minWeight = settings.cacheEnabled() ? Math.max(1, maxBytes / settings.cacheEntries()) : 1;
    this.cache = settings.cacheEnabled()
        ? Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((Key k, Entry e) -> e.weight())
            .expireAfterWrite(settings.cacheTtl())
            // evict on the writing thread (see put)
            .executor(Runnable::run)
            .build()
        : null;
  }

  boolean enabled() {
    return cache != null;
  }

  /** The key of a body, or null when the cache is off (no hashing cost then). */
  Key key(byte[] body, MediaTypes format, String modelVersion) {
    if (cache == null) {
      return null;
    }
    return new Key(Checksums.sha256(body), format, modelVersion);
  }

  /** The cached answer, or null; counts a hit or a miss. */
  Prediction get(Key key) {
    if (key == null) {
      return null;
    }
    Entry e = cache.getIfPresent(key);
    (e == null ? metrics.cacheMisses : metrics.cacheHits).increment();
    return e == null ? null : e.prediction();
  }

  /**
   * Keeps an answer.
   *
   * @param encodedBytes the size of the answer as sent, for the weight
   */
  void put(Key key, Prediction p, int encodedBytes) {
    if (key == null) {
      return;
    }
    long weight = Math.max(minWeight, 2L * encodedBytes + ENTRY_OVERHEAD);
    if (weight > maxBytes || weight > Integer.MAX_VALUE) {
      return; // larger than the whole cache: scored every time
    }
    // one put at a time, evicted before the next and before weight() is read: concurrent puts
    // could otherwise hold a few entries over the bound until their evictions ran
    synchronized (this) {
      cache.put(key, new Entry(p, (int) weight));
      cache.cleanUp();
    }
  }

  /** The estimated bytes held now, never above {@link #maxBytes()}. */
  synchronized long weight() {
    return cache == null ? 0 : cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
  }

  long maxBytes() {
    return cache == null ? 0 : maxBytes;
  }
}
