package io.psa.container.persistence;

import io.psa.model.results.InferenceResult;
import io.psa.model.results.ResultWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ResultStore} that never makes a request wait for the database and never loses a
 * result while the machine stays up:
 *
 * <ol>
 *   <li>{@link #record} puts the result in a bounded queue ({@link DatabaseSettings#queueCapacity},
 *       default 100,000, about 60 MB for 10 s requests of 37 windows);
 *   <li>one background thread writes the queue in batches; while writes fail it retries the same
 *       batch with exponential backoff (100 ms doubling to {@link DatabaseSettings#maxBackoff});
 *   <li>when the queue is full, results go to the {@link SpillFile}, replayed after the next
 *       successful write; only if the spill file cannot be written either is a result dropped,
 *       and counted ({@code psa_results_dropped_total});
 *   <li>{@link #close} writes what is pending within a deadline and spills the rest, which the
 *       next start replays.
 * </ol>
 */
public final class BufferedResultStore implements ResultStore {
  private static final Logger LOG = LoggerFactory.getLogger(BufferedResultStore.class);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

  private final BlockingQueue<InferenceResult> queue;
  private final int capacity;
  private final int batchSize;
  private final ResultWriter writer;
  private final SpillFile spill;
  private final Duration maxBackoff;
  private final Thread thread;
  private final CountDownLatch closing = new CountDownLatch(1);
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong spilled = new AtomicLong();
  private final AtomicLong spilledPending = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean databaseUp;
  private volatile String lastError;
  private volatile long closeDeadlineNanos = Long.MAX_VALUE;
  // only the writer thread touches these
  private long nextReplayNanos;
  private Duration replayBackoff = FIRST_BACKOFF;

  /**
   * Starts the writer thread, which first replays a spill file left by an earlier run.
   *
   * @param writer writes one batch or throws
   * @param spill where results beyond the queue go
   */
  public BufferedResultStore(
      ResultWriter writer, SpillFile spill, int capacity, int batchSize, Duration maxBackoff) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.capacity = capacity;
    this.batchSize = batchSize;
    this.writer = writer;
    this.spill = spill;
    this.maxBackoff = maxBackoff;
    this.thread = Thread.ofPlatform().name("psa-result-writer").daemon(true).start(this::run);
  }

  /**
   * The store for a PostgreSQL database: runs the migrations now when the database answers (else
   * before the first write that reaches it) and writes through a {@link PostgresResultWriter}.
   */
  public static BufferedResultStore forPostgres(DatabaseSettings settings) {
    PostgresResultWriter writer = new PostgresResultWriter(settings);
    String down = null;
    try {
      writer.migrate();
    } catch (RuntimeException e) {
      down = DatabaseErrors.oneLine(e);
      LOG.warn("database not reachable at start ({}); results are kept and written once it answers", down);
    }
    BufferedResultStore store = new BufferedResultStore(writer, new SpillFile(settings.spillFile()),
        settings.queueCapacity(), settings.batchSize(), settings.maxBackoff());
    if (down != null && store.lastError == null) {
      store.lastError = down; // the outage is logged: the first failed write is the same state
    } else if (down == null) {
      store.databaseUp = true; // it answered the migration: /health says ok before the first write
    }
    return store;
  }

  @Override
  public void record(InferenceResult result) {
    if (closing.getCount() == 0 || !queue.offer(result)) {
      spillOrDrop(List.of(result));
    }
  }

  @Override
  public StoreStatus status() {
    return new StoreStatus(true, databaseUp, queue.size(), capacity, spilledPending.get(),
        written.get(), spilled.get(), dropped.get(), lastError);
  }

  /**
   * Stops accepting, writes what is queued for up to {@code timeout}, spills the rest.
   *
   * @param timeout how long to keep trying the database (the spill itself is not bounded)
   */
  public void close(Duration timeout) {
    closeDeadlineNanos = System.nanoTime() + timeout.toNanos();
    closing.countDown();
    try {
      thread.join(timeout.plusSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<InferenceResult> rest = new ArrayList<>();
    queue.drainTo(rest);
    if (!rest.isEmpty()) {
      spillOrDrop(rest);
    }
    if (writer instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.warn("closing the result writer: {}", e.toString());
      }
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }

  private void run() {
    List<InferenceResult> batch = new ArrayList<>(batchSize);
    replaySpill();
    while (closing.getCount() > 0 || !queue.isEmpty()) {
      batch.clear();
      try {
        InferenceResult first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          replaySpill();
          continue;
        }
        batch.add(first);
      } catch (InterruptedException e) {
        break;
      }
      queue.drainTo(batch, batchSize - 1);
      if (writeWithRetry(batch)) {
        replaySpill();
      } else {
        spillOrDrop(batch);
        List<InferenceResult> rest = new ArrayList<>();
        queue.drainTo(rest);
        spillOrDrop(rest);
        return;
      }
    }
  }

  /** False only when closing and the deadline passed before the batch could be written. */
  private boolean writeWithRetry(List<InferenceResult> batch) {
    Duration backoff = FIRST_BACKOFF;
    while (true) {
      try {
        writer.write(batch);
        written.addAndGet(batch.size());
        if (lastError != null) {
          LOG.info("database reachable again; writing results");
        }
        databaseUp = true;
        lastError = null;
        return true;
      } catch (Exception e) {
        if (databaseUp || lastError == null) {
          LOG.warn("database unreachable ({}); keeping results and retrying until it answers",
              DatabaseErrors.oneLine(e));
        }
        databaseUp = false;
        lastError = DatabaseErrors.oneLine(e);
      }
      if (System.nanoTime() > closeDeadlineNanos || !pause(backoff)) {
        return false;
      }
      backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
    }
  }

  /** Sleeps, but wakes early when closing; false when the close deadline has passed. */
  private boolean pause(Duration d) {
    try {
      if (closing.await(d.toMillis(), TimeUnit.MILLISECONDS)) {
        // closing: keep retrying at a brisk pace until the deadline
        Thread.sleep(Math.min(d.toMillis(), 200));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return System.nanoTime() < closeDeadlineNanos;
  }

  /** Replays the spill file when one exists, at most once per backoff period while it fails. */
  private void replaySpill() {
    if (closing.getCount() == 0 || System.nanoTime() < nextReplayNanos || !spill.hasPending()) {
      return;
    }
    try {
      int n = spill.replay(batchSize, writer);
      if (n > 0) {
        written.addAndGet(n);
        LOG.info("replayed {} spilled results into the database", n);
      }
      spilledPending.set(0);
      databaseUp = true;
      lastError = null;
      replayBackoff = FIRST_BACKOFF;
    } catch (Exception e) {
      databaseUp = false;
      lastError = DatabaseErrors.oneLine(e);
      nextReplayNanos = System.nanoTime() + replayBackoff.toNanos();
      replayBackoff = replayBackoff.multipliedBy(2).compareTo(maxBackoff) > 0
          ? maxBackoff : replayBackoff.multipliedBy(2);
    }
  }

  private void spillOrDrop(List<InferenceResult> results) {
    try {
      spill.append(results);
      spilled.addAndGet(results.size());
      spilledPending.addAndGet(results.size());
    } catch (Exception e) {
      long before = dropped.getAndAdd(results.size());
      // the first loss, then one line per thousand, so a full disk does not flood the log
      if (before > 0 && (before + results.size()) / 1000 == before / 1000) {
        return;
      }
      LOG.error("dropped {} results ({} in all): queue full and spill file {} failed: {}",
          results.size(), before + results.size(), spill.path(), e.toString());
    }
  }
}
