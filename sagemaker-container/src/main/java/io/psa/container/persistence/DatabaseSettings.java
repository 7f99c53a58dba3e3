package io.psa.container.persistence;

import io.psa.results.postgres.JdbcSession;
import io.psa.results.postgres.ResultRow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how results are written. Immutable and validated.
 *
 * @param jdbcUrl a PostgreSQL JDBC URL, e.g. {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}
 * @param schema the schema that holds {@code inference_results}, created if missing [psa]
 * @param queueCapacity results held in memory while the spill journal refuses them (at its cap, a
 *     full disk) [10,000, about 10 MB for 10 s requests]
 * @param batchSize most results written in one transaction [500]
 * @param spillFile the spill journal every result is written to before its answer, until the
 *     database has it [psa-spill.jsonl]
 * @param maxBackoff longest wait between two write attempts while the database is away [30 s]
 * @param connectTimeout how long one attempt waits for a connection [2 s]
 * @param spillMaxBytes the journal's cap; past it results are held in memory, then dropped and
 *     counted [1 GiB, about a million 10 s results]
 * @param spillSync longest time an appended result waits to be forced to the disk [1 s]
 */
public record DatabaseSettings(
    String jdbcUrl,
    String schema,
    int queueCapacity,
    int batchSize,
    Path spillFile,
    Duration maxBackoff,
    Duration connectTimeout,
    long spillMaxBytes,
    Duration spillSync) {

  public static final int DEFAULT_QUEUE_CAPACITY = 10_000;
  public static final int DEFAULT_BATCH_SIZE = 500;
  public static final String DEFAULT_SCHEMA = "psa";
  public static final long DEFAULT_SPILL_MAX_BYTES = 1L << 30;

  public DatabaseSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    JdbcSession.checkUrl(jdbcUrl);
    ResultRow.checkSchema(schema); // it is put into SQL text
    if (queueCapacity <= 0 || batchSize <= 0) {
      throw new IllegalArgumentException("queue capacity and batch size must be > 0");
    }
    Objects.requireNonNull(spillFile, "spillFile");
    if (maxBackoff.isNegative() || maxBackoff.isZero() || connectTimeout.toMillis() < 250) {
      throw new IllegalArgumentException("max backoff must be > 0 and connect timeout >= 250 ms");
    }
    if (spillMaxBytes < 1024 * 1024) {
      throw new IllegalArgumentException("PSA_DB_SPILL_MAX_MB must be at least 1, got "
          + spillMaxBytes + " bytes");
    }
    if (spillSync.toMillis() < 1) {
      throw new IllegalArgumentException("spill sync interval must be >= 1 ms");
    }
  }

  /** The defaults for one URL. */
  public static DatabaseSettings of(String jdbcUrl) {
    return new DatabaseSettings(jdbcUrl, DEFAULT_SCHEMA, DEFAULT_QUEUE_CAPACITY, DEFAULT_BATCH_SIZE,
        Path.of("psa-spill.jsonl"), Duration.ofSeconds(30), Duration.ofSeconds(2),
        DEFAULT_SPILL_MAX_BYTES, Duration.ofSeconds(1));
  }

  /**
   * From the environment: {@code PSA_DB_URL} (required), {@code PSA_DB_SCHEMA}, {@code
   * PSA_DB_QUEUE}, {@code PSA_DB_SPILL}, {@code PSA_DB_SPILL_MAX_MB}; null when {@code PSA_DB_URL}
   * is unset or blank.
   */
  public static DatabaseSettings fromEnv(Map<String, String> env) {
    String url = env.get("PSA_DB_URL");
    if (url == null || url.isBlank()) {
      return null;
    }
    DatabaseSettings d = of(url.trim());
    long maxMb = Long.parseLong(env.getOrDefault("PSA_DB_SPILL_MAX_MB",
        String.valueOf(d.spillMaxBytes / (1024 * 1024))).trim());
    return new DatabaseSettings(d.jdbcUrl, env.getOrDefault("PSA_DB_SCHEMA", d.schema),
        Integer.parseInt(env.getOrDefault("PSA_DB_QUEUE", String.valueOf(d.queueCapacity)).trim()),
        d.batchSize, Path.of(env.getOrDefault("PSA_DB_SPILL", d.spillFile.toString())),
        d.maxBackoff, d.connectTimeout, maxMb * 1024 * 1024, d.spillSync);
  }

  public DatabaseSettings withSchema(String s) {
    return new DatabaseSettings(jdbcUrl, s, queueCapacity, batchSize, spillFile, maxBackoff,
        connectTimeout, spillMaxBytes, spillSync);
  }

  public DatabaseSettings withQueue(int capacity, int batch) {
    return new DatabaseSettings(jdbcUrl, schema, capacity, batch, spillFile, maxBackoff,
        connectTimeout, spillMaxBytes, spillSync);
  }

  public DatabaseSettings withSpillFile(Path file) {
    return new DatabaseSettings(jdbcUrl, schema, queueCapacity, batchSize, file, maxBackoff,
        connectTimeout, spillMaxBytes, spillSync);
  }

  public DatabaseSettings withMaxBackoff(Duration backoff) {
    return new DatabaseSettings(jdbcUrl, schema, queueCapacity, batchSize, spillFile, backoff,
        connectTimeout, spillMaxBytes, spillSync);
  }
}
