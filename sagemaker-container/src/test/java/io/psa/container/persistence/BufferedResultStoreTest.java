package io.psa.container.persistence;

import io.psa.model.results.InferenceResult;
import io.psa.model.results.ResultWriter;
import static org.assertj.core.api.Assertions.assertThat;

import io.psa.container.StandardError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The buffering, retry and spill rules, with a writer that fails on demand. */
class BufferedResultStoreTest {
  @TempDir Path dir;

  /** Keeps request ids; throws while {@code down} is set. */
  static final class FlakyWriter implements ResultWriter {
    final Set<String> ids = ConcurrentHashMap.newKeySet();
    final AtomicBoolean down = new AtomicBoolean();
    final AtomicInteger attempts = new AtomicInteger();

    @Override
    public void write(List<InferenceResult> batch) throws Exception {
      attempts.incrementAndGet();
      if (down.get()) {
        throw new java.sql.SQLTransientConnectionException("database away");
      }
      batch.forEach(r -> ids.add(r.requestId()));
    }
  }

  private BufferedResultStore store(FlakyWriter w, int capacity, Path spill) {
    return new BufferedResultStore(w, new SpillFile(spill), capacity, 10, Duration.ofMillis(100));
  }

  @Test
  void retries_a_failing_batch_until_the_database_returns() throws Exception {
    FlakyWriter w = new FlakyWriter();
    w.down.set(true);
    BufferedResultStore s = store(w, 1000, dir.resolve("s.jsonl"));
    for (int i = 0; i < 25; i++) {
      s.record(Results.number("r", i));
    }
    Thread.sleep(500);
    assertThat(w.attempts.get()).isGreaterThan(2);
    assertThat(s.status().databaseUp()).isFalse();
    assertThat(s.status().lastError()).contains("database away");
    w.down.set(false);
    s.close(Duration.ofSeconds(5));
    assertThat(w.ids).hasSize(25);
    assertThat(s.status().written()).isEqualTo(25);
    assertThat(s.status().spilled()).isZero();
  }

  @Test
  void spills_beyond_the_queue_and_replays_the_spill_when_writes_succeed() throws Exception {
    FlakyWriter w = new FlakyWriter();
    w.down.set(true);
    Path spill = dir.resolve("s.jsonl");
    BufferedResultStore s = store(w, 20, spill);
    for (int i = 0; i < 100; i++) {
      s.record(Results.number("r", i));
    }
    // 20 queued, up to 10 held by the writer's batch: at least 70 on disk
    assertThat(s.status().spilled()).isGreaterThanOrEqualTo(70);
    // the writer may already have moved part of it aside to replay it
    Path replaying = dir.resolve("s.jsonl.replaying");
    long onDisk = Files.readAllLines(spill).size()
        + (Files.exists(replaying) ? Files.readAllLines(replaying).size() : 0);
    assertThat(onDisk).isEqualTo(s.status().spilled());
    w.down.set(false);
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (w.ids.size() < 100 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(w.ids).hasSize(100);
    assertThat(s.status().dropped()).isZero();
    assertThat(Files.exists(spill) || Files.exists(replaying)).isFalse();
    s.close(Duration.ofSeconds(1));
  }

  @Test
  void close_spills_what_the_database_did_not_take_and_the_next_start_replays_it() throws Exception {
    FlakyWriter down = new FlakyWriter();
    down.down.set(true);
    Path spill = dir.resolve("s.jsonl");
    BufferedResultStore first = store(down, 1000, spill);
    for (int i = 0; i < 30; i++) {
      first.record(Results.number("r", i));
    }
    first.close(Duration.ofMillis(300));
    assertThat(down.ids).isEmpty();
    assertThat(first.status().spilled()).isEqualTo(30);

    FlakyWriter up = new FlakyWriter();
    BufferedResultStore second = store(up, 1000, spill);
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (up.ids.size() < 30 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    second.close(Duration.ofSeconds(1));
    assertThat(up.ids).hasSize(30).contains("r-0", "r-29");
  }

  @Test
  void counts_results_as_dropped_only_when_the_spill_file_cannot_be_written() throws Exception {
    FlakyWriter w = new FlakyWriter();
    w.down.set(true);
    Path underAFile = Files.writeString(dir.resolve("a-file"), "x").resolve("spill.jsonl");
    BufferedResultStore s = store(w, 5, underAFile);
    String log = StandardError.capture(() -> {
      for (int i = 0; i < 40; i++) {
        s.record(Results.number("r", i));
      }
    });
    // the first loss is logged, the next ones only per thousand
    assertThat(log.lines().filter(l -> l.contains("ERROR")).toList()).singleElement().asString()
        .contains("dropped 1 results (1 in all): queue full and spill file");
    // 5 queued and up to 10 in the writer's batch; the rest cannot go anywhere
    assertThat(s.status().dropped()).isBetween(25L, 35L);
    assertThat(s.status().dropped() + s.status().queued()).isLessThanOrEqualTo(40);
    w.down.set(false);
    s.close(Duration.ofSeconds(2));
    assertThat(w.ids.size() + s.status().dropped()).isEqualTo(40);
  }
}
