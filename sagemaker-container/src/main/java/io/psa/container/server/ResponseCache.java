package io.psa.container.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.psa.model.Prediction;
import io.psa.model.service.MediaTypes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Answers for identical bodies within a short time (Caffeine, bounded by entries and by time since
 * writing). The key is the SHA-256 of the body and its format, plus the model version, so a new
 * model never serves an old answer. A hit is the stored {@link Prediction}; the handler gives it a
 * new request id and records it like any other answer.
 */
final class ResponseCache {

  /** What identifies an answer. */
  record Key(String bodySha256, MediaTypes format, String modelVersion) {}

  private final Cache<Key, Prediction> cache;
  private final Metrics metrics;

  /** A disabled cache when {@code settings.cacheEnabled()} is false. */
  ResponseCache(ServerSettings settings, Metrics metrics) {
    this.metrics = metrics;
    this.cache = settings.cacheEnabled()
        ? Caffeine.newBuilder()
            .maximumSize(settings.cacheEntries())
            .expireAfterWrite(settings.cacheTtl())
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
    return new Key(sha256(body), format, modelVersion);
  }

  /** The cached answer, or null; counts a hit or a miss. */
  Prediction get(Key key) {
    if (key == null) {
      return null;
    }
    Prediction p = cache.getIfPresent(key);
    (p == null ? metrics.cacheMisses : metrics.cacheHits).increment();
    return p;
  }

  void put(Key key, Prediction p) {
    if (key != null) {
      cache.put(key, p);
    }
  }

  static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
