package io.psa.container.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.psa.container.StandardError;
import io.psa.model.results.InferenceResult;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database outage is logged when it begins and when it ends, one line each, however long. */
class OutageLogTest {
  @TempDir Path dir;

  /** Fails every write while down, as a refused connection does, and counts the attempts. */
  private static final class Outage implements ResultDatabase {
    final AtomicBoolean down = new AtomicBoolean(true);
    final AtomicInteger attempts = new AtomicInteger();
    final AtomicInteger written = new AtomicInteger();

    @Override
    public void write(List<InferenceResult> batch) throws SQLException {
      attempts.incrementAndGet();
      if (down.get()) {
        throw new SQLException("pool timed out",
            new SQLException("Connection to 127.0.0.1:5432 refused. Check that the hostname and port"
                + " are correct.\nmore detail on a second line", "08001"));
      }
      written.addAndGet(batch.size());
    }

    @Override
    public void deadLetter(List<DeadLetter> letters) {
      throw new AssertionError("nothing here is refused");
    }
  }

  @Test
  void many_failed_attempts_make_one_warning_with_the_cause_and_one_line_when_it_is_back()
      throws Exception {
    Outage db = new Outage();
    String log = StandardError.capture(() -> {
      BufferedResultStore store = new BufferedResultStore(db, new SpillJournal(
          dir.resolve("spill.jsonl"), 1 << 20, Duration.ofSeconds(1)), 100, 10, Duration.ofMillis(50), true);
      for (int i = 0; i < 20; i++) {
        store.record(Results.number("o", i));
      }
      Poll.until(() -> db.attempts.get() >= 8);
      db.down.set(false);
      Poll.until(() -> db.written.get() == 20);
      store.close(Duration.ofSeconds(2));
    });

    assertThat(db.attempts.get()).isGreaterThanOrEqualTo(8);
    // (lines of other classes, from threads other tests left behind, are not this test's business)
    assertThat(log.lines().filter(l -> l.contains("BufferedResultStore")).toList()).containsExactly(
        "[psa-result-writer] WARN io.psa.container.persistence.BufferedResultStore - database"
            + " unreachable (unreachable:08001: Connection to 127.0.0.1:5432 refused. Check that the"
            + " hostname and port are correct.); results are kept in " + dir.resolve("spill.jsonl")
            + " and written when it answers",
        "[psa-result-writer] INFO io.psa.container.persistence.BufferedResultStore - database"
            + " reachable again; writing the 20 results kept meanwhile");
  }
}
