package io.psa.container.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.psa.container.StandardError;
import io.psa.model.results.InferenceResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's rules, with a database stand-in that refuses what PostgreSQL refuses (a NUL in a
 * text, SQLSTATE 22P05) and goes away on demand. PostgresResultStoreTest runs them for real.
 */
class BufferedResultStoreTest {
  private static final long MB = 1024 * 1024;
  @TempDir Path dir;

  /** Keeps rows by request id; throws a connection error while {@code down}. */
  static final class FakeDatabase implements ResultDatabase {
    final Set<String> ids = ConcurrentHashMap.newKeySet();
    final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    final AtomicBoolean down = new AtomicBoolean();
    final AtomicInteger attempts = new AtomicInteger();

    @Override
    public void write(List<InferenceResult> batch) throws SQLException {
      attempts.incrementAndGet();
      if (down.get()) {
        throw new java.sql.SQLTransientConnectionException("connection refused", "08001");
      }
      for (InferenceResult r : batch) {
        if (r.assetId() != null && r.assetId().indexOf('\0') >= 0) {
          throw new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
        }
      }
      batch.forEach(r -> ids.add(r.requestId()));
    }

    @Override
    public void deadLetter(List<DeadLetter> letters) throws SQLException {
      if (down.get()) {
        throw new java.sql.SQLTransientConnectionException("connection refused", "08001");
      }
      deadLetters.addAll(letters);
    }
  }

  private SpillJournal journal(Path p, long maxBytes) throws Exception {
    return new SpillJournal(p, maxBytes, Duration.ofMillis(100));
  }

  private BufferedResultStore store(FakeDatabase db, Path spill) throws Exception {
    return new BufferedResultStore(db, journal(spill, 16 * MB), 20, 10, Duration.ofMillis(100), true);
  }

  private static InferenceResult poisoned(int i) {
    return Results.withAsset(Results.number("bad", i), "press\u0000" + i);
  }

  @Test
  void a_result_is_in_the_journal_file_before_record_returns_while_the_database_is_away()
      throws Exception {
    FakeDatabase db = new FakeDatabase();
    db.down.set(true);
    Path spill = dir.resolve("s.jsonl");
    BufferedResultStore s = store(db, spill);
    for (int i = 0; i < 25; i++) {
      s.record(Results.number("r", i));
      // read by another reader at once, as the next start reads it after a kill -9
      assertThat(onDisk(spill)).contains("\"request_id\":\"r-" + i + "\"");
    }
    Poll.until(() -> !s.status().databaseUp());
    assertThat(s.status().pending()).isEqualTo(25);
    assertThat(s.status().errors()).containsKey("unreachable:08001");
    assertThat(s.status().lastError()).isEqualTo("unreachable:08001");
    s.close(Duration.ofMillis(200));
  }

  /**
   * Both journal files: the journal first, then the file a replay moves it to, so that a line
   * moved between the two reads is still seen (lines only move that way, and while the database
   * is away a moved file stays).
   */
  private String onDisk(Path spill) throws Exception {
    String journal = read(spill);
    return journal + read(dir.resolve(spill.getFileName() + ".replaying"));
  }

  private static String read(Path p) throws java.io.IOException {
    try {
      return Files.readString(p);
    } catch (java.nio.file.NoSuchFileException moved) {
      return "";
    }
  }

  @Test
  void retries_with_backoff_while_the_database_is_away_and_writes_everything_when_it_returns()
      throws Exception {
    FakeDatabase db = new FakeDatabase();
    db.down.set(true);
    BufferedResultStore s = store(db, dir.resolve("s.jsonl"));
    for (int i = 0; i < 95; i++) {
      s.record(Results.number("r", i));
    }
    Thread.sleep(700);
    int attempts = db.attempts.get();
    // 100, 100, 100, 100 ms (the maximum here): a handful, not one per result
    assertThat(attempts).isBetween(2, 12);
    db.down.set(false);
    Poll.until(() -> db.ids.size() == 95);
    Poll.until(() -> s.status().databaseUp() && s.status().pending() == 0);
    assertThat(s.status().written()).isEqualTo(95);
    s.close(Duration.ofSeconds(1));
    assertThat(Files.exists(dir.resolve("s.jsonl.replaying"))).isFalse();
  }

  @Test
  void a_poisoned_row_is_dead_lettered_and_every_good_row_around_it_is_written() throws Exception {
    FakeDatabase db = new FakeDatabase();
    BufferedResultStore s = store(db, dir.resolve("s.jsonl"));
    String log = StandardError.capture(() -> {
      s.record(poisoned(0));
      for (int i = 0; i < 40; i++) {
        s.record(Results.number("good", i));
        if (i == 17) {
          s.record(poisoned(1));
        }
      }
      Poll.until(() -> db.ids.size() == 40 && db.deadLetters.size() == 2);
      s.close(Duration.ofSeconds(1));
    });

    // each refused row is logged once, with its id and the reason, never retried
    assertThat(log.lines().filter(l -> l.contains("BufferedResultStore")).toList()).containsExactly(
        "[psa-result-writer] WARN io.psa.container.persistence.BufferedResultStore - result bad-0"
            + " refused (rejected:22021: invalid byte sequence for encoding \"UTF8\": 0x00); kept in the"
            + " dead-letter table (1 so far)",
        "[psa-result-writer] WARN io.psa.container.persistence.BufferedResultStore - result bad-1"
            + " refused (rejected:22021: invalid byte sequence for encoding \"UTF8\": 0x00); kept in the"
            + " dead-letter table (2 so far)");

    assertThat(db.ids).doesNotContain("bad-0", "bad-1");
    assertThat(db.deadLetters).extracting(DeadLetter::requestId).containsExactly("bad-0", "bad-1");
    DeadLetter first = db.deadLetters.get(0);
    assertThat(first.sqlState()).isEqualTo("22021");
    assertThat(first.reason()).isEqualTo("invalid byte sequence for encoding \"UTF8\": 0x00");
    assertThat(first.payload()).isASCII().contains("press\\u0000" + 0);
    assertThat(s.status().deadLettered()).isEqualTo(2);
    assertThat(s.status().errors()).containsEntry("rejected:22021", 2L);
    assertThat(s.status().written()).isEqualTo(40);
  }

  @Test
  void a_poisoned_journal_left_by_an_earlier_run_is_dead_lettered_on_replay_not_retried_forever()
      throws Exception {
    Path spill = dir.resolve("s.jsonl");
    try (SpillJournal earlier = journal(spill, 16 * MB)) {
      earlier.append(List.of(poisoned(7), Results.number("left", 1), Results.number("left", 2)));
    }
    Files.writeString(spill, "{\"request_id\": \"torn", StandardOpenOption.APPEND);
    FakeDatabase db = new FakeDatabase();
    BufferedResultStore s = store(db, spill);
    Poll.until(() -> db.ids.size() == 2 && db.deadLetters.size() == 2);
    Poll.until(() -> s.status().pending() == 0);
    s.close(Duration.ofSeconds(1));

    assertThat(db.deadLetters).extracting(DeadLetter::requestId).containsExactly("bad-7", null);
    assertThat(db.deadLetters.get(1).reason()).startsWith("unreadable spill line");
    assertThat(db.deadLetters.get(1).payload()).isEqualTo("{\"request_id\": \"torn");
    assertThat(s.status().errors()).containsKeys("rejected:22021", "unreadable_line");
  }

  @Test
  void close_leaves_what_the_database_did_not_take_in_the_journal_and_the_next_start_replays_it()
      throws Exception {
    FakeDatabase down = new FakeDatabase();
    down.down.set(true);
    Path spill = dir.resolve("s.jsonl");
    BufferedResultStore first = store(down, spill);
    for (int i = 0; i < 30; i++) {
      first.record(Results.number("r", i));
    }
    first.close(Duration.ofMillis(300));
    assertThat(down.ids).isEmpty();
    assertThat(first.status().pending()).isEqualTo(30);

    FakeDatabase up = new FakeDatabase();
    SpillJournal reopened = journal(spill, 16 * MB);
    assertThat(reopened.pending()).as("what the next start finds").isEqualTo(30);
    BufferedResultStore second = new BufferedResultStore(up, reopened, 20, 10,
        Duration.ofMillis(100), true);
    Poll.until(() -> up.ids.size() == 30);
    second.close(Duration.ofSeconds(1));
    assertThat(up.ids).contains("r-0", "r-29");
    assertThat(second.status().pending()).isZero();
  }

  @Test
  void past_the_journal_cap_results_are_held_in_memory_then_dropped_counted_and_shown()
      throws Exception {
    FakeDatabase db = new FakeDatabase();
    db.down.set(true);
    Path spill = dir.resolve("s.jsonl");
    BufferedResultStore s = new BufferedResultStore(db, journal(spill, MB), 20, 10,
        Duration.ofMillis(100), true);
    int[] n = {0};
    String log = StandardError.capture(() -> {
      while (s.status().dropped() < 5) {
        s.record(Results.number("r", n[0]++));
      }
    });
    // the cap is logged when reached, the first loss at once, the next ones only per thousand
    assertThat(log.lines().filter(l -> l.contains("ERROR")).toList()).hasSize(2)
        .anyMatch(l -> l.contains("the spill journal holds its maximum of 1048576 bytes"))
        .anyMatch(l -> l.contains("dropped 1 results (1 in all): the spill journal and the memory"
            + " queue are full"));
    StoreStatus full = s.status();
    assertThat(full.journalFull()).isTrue();
    assertThat(full.healthy()).isFalse();
    assertThat(full.inMemory()).isEqualTo(20);
    assertThat(full.dropped()).isEqualTo(5);
    assertThat(full.errors()).containsKeys("journal_full", "dropped");
    long kept = full.pending() + full.inMemory();
    assertThat(kept + full.dropped()).isEqualTo(n[0]);

    db.down.set(false);
    long keptFinal = kept;
    Poll.until(() -> db.ids.size() == keptFinal);
    s.record(Results.number("after", 1)); // the journal takes results again
    Poll.until(() -> db.ids.contains("after-1"));
    assertThat(s.status().journalFull()).isFalse();
    s.close(Duration.ofSeconds(1));
  }

  @Test
  void reports_the_database_up_from_the_start_up_check_before_any_write() throws Exception {
    FakeDatabase db = new FakeDatabase();
    BufferedResultStore s = store(db, dir.resolve("s.jsonl"));
    assertThat(s.status().databaseUp()).isTrue();
    assertThat(s.status().healthy()).isTrue();
    s.close(Duration.ofSeconds(1));
  }
}
