package io.psa.container.persistence;

import io.psa.model.results.InferenceResult;
import io.psa.results.postgres.MigrationMismatchException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ResultStore} that never makes a request wait for the database, never loses a result a
 * killed process had answered, and never lets one bad row hold up the others:
 *
 * <ol>
 *   <li>{@link #record} appends the result to the {@link SpillJournal} (to the operating system,
 *       so {@code kill -9} cannot lose it; forced to the disk within a second) before the answer
 *       is sent. Only when the journal refuses (its cap, a full disk) is the result held in a
 *       bounded memory queue instead, and only when that is full too is it dropped and counted;
 *   <li>one background thread replays the journal into the database in batches. A failure that
 *       means the database is away ({@link WriteFailure.Kind#UNREACHABLE}, {@code ERROR}) keeps the
 *       batch in the journal and retries with exponential backoff (100 ms doubling to {@code
 *       maxBackoff});
 *   <li>a batch the database refuses ({@link WriteFailure.Kind#REJECTED}) is split in halves until
 *       the refused rows are alone; each goes to the dead-letter table with the reason, is logged
 *       once and counted, and every other row is written;
 *   <li>{@link #close} keeps writing until the journal is empty or the deadline passes; what is
 *       left stays in the journal for the next start.
 * </ol>
 */
public final class BufferedResultStore implements ResultStore {
  private static final Logger LOG = LoggerFactory.getLogger(BufferedResultStore.class);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
  /** Dead letters logged one by one before the log thins out to one in a thousand. */
  private static final long LOGGED_ONE_BY_ONE = 100;
  /**
   * Shortest time between two replays of a journal holding less than a batch: results gather for
   * a batch instead of costing a file move and a transaction each.
   */
  private static final long LINGER_NANOS = 50_000_000;

  private final ResultDatabase db;
  private final SpillJournal journal;
  private final BlockingQueue<InferenceResult> memory;
  private final int memoryCapacity;
  private final int batchSize;
  private final Duration maxBackoff;
  private final Thread thread;
  private final Semaphore wake = new Semaphore(0);
  private final CountDownLatch closing = new CountDownLatch(1);
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final ErrorTally errors = new ErrorTally();
  private volatile boolean databaseUp;
  private volatile boolean journalFull;
  private volatile boolean closed;
  private volatile long closeDeadlineNanos = Long.MAX_VALUE;
  // only the writer thread touches these
  private final List<InferenceResult> carried = new ArrayList<>();
  private volatile int carriedCount;
  private boolean outage;
  private long lastReplayNanos;

  /**
   * Starts the writer thread, which first replays what an earlier run left in the journal.
   *
   * @param db writes rows and keeps refused ones
   * @param journal where every result goes first; closed by {@link #close}
   * @param memoryCapacity results held in memory while the journal refuses them
   * @param batchSize most rows in one transaction
   * @param maxBackoff longest wait between two attempts while the database is away
   * @param databaseUp what {@code /health} says until the first write (the start-up check)
   */
  public BufferedResultStore(ResultDatabase db, SpillJournal journal, int memoryCapacity,
      int batchSize, Duration maxBackoff, boolean databaseUp) {
    this.db = db;
    this.journal = journal;
    this.memory = new ArrayBlockingQueue<>(memoryCapacity);
    this.memoryCapacity = memoryCapacity;
    this.batchSize = batchSize;
    this.maxBackoff = maxBackoff;
    this.databaseUp = databaseUp;
    this.outage = !databaseUp; // an outage at start is logged by whoever checked
    this.thread = Thread.ofPlatform().name("psa-result-writer").daemon(true).start(this::run);
  }

  /**
   * The store for a PostgreSQL database: opens the journal (failing when another server holds
   * it), runs the migrations now when the database answers (else before the first write that
   * reaches it) and writes through a {@link PostgresResultWriter}.
   *
   * @throws UncheckedIOException when the spill journal cannot be opened
   */
  public static BufferedResultStore forPostgres(DatabaseSettings settings) {
    SpillJournal journal;
    try {
      journal = new SpillJournal(settings.spillFile(), settings.spillMaxBytes(), settings.spillSync());
    } catch (IOException e) {
      throw new UncheckedIOException("PSA_DB_SPILL: " + e.getMessage(), e);
    }
    PostgresResultWriter writer = new PostgresResultWriter(settings);
    boolean up;
    try {
      writer.migrate();
      up = true;
    } catch (MigrationMismatchException | SchemaMigrationException e) {
      LOG.error("{}; results are kept in {} until then", e.getMessage(), journal.path());
      up = false;
    } catch (SQLException | RuntimeException e) {
      LOG.warn("database not reachable at start ({}); results are kept in {} and written once it"
          + " answers", DatabaseErrors.oneLine(e), journal.path());
      up = false;
    }
    if (journal.pending() > 0) {
      LOG.info("{} results left by an earlier run in {} are replayed now", journal.pending(),
          journal.path());
    }
    return new BufferedResultStore(writer, journal, settings.queueCapacity(),
        settings.batchSize(), settings.maxBackoff(), up);
  }

  @Override
  public void record(InferenceResult result) {
    if (closed) {
      drop(1, "the store is closed");
      return;
    }
    try {
      journal.append(List.of(result));
      if (journalFull) {
        journalFull = false;
        LOG.info("the spill journal takes results again");
      }
    } catch (SpillJournal.Full e) {
      if (!journalFull) {
        journalFull = true;
        LOG.error("{}; results are held in memory (up to {}) and then dropped until the database"
            + " catches up", e.getMessage(), memoryCapacity);
      }
      errors.add("journal_full");
      keepInMemory(result);
    } catch (IOException e) {
      errors.add("journal_io");
      LOG.error("the spill journal {} cannot be written ({}); results are held in memory",
          journal.path(), e.toString());
      keepInMemory(result);
    }
    if (wake.availablePermits() == 0) {
      wake.release();
    }
  }

  private void keepInMemory(InferenceResult result) {
    if (!memory.offer(result)) {
      drop(1, "the spill journal and the memory queue are full");
    }
  }

  @Override
  public StoreStatus status() {
    return new StoreStatus(true, databaseUp, journal.pending(), journal.bytes(),
        journal.maxBytes(), journalFull, memory.size() + (long) carriedCount, memoryCapacity,
        written.get(), deadLettered.get(), dropped.get(), errors.counts(), errors.last(),
        errors.lastAt());
  }

  /**
   * Stops accepting, keeps writing for up to {@code timeout}, and leaves the rest in the journal
   * for the next start.
   */
  public void close(Duration timeout) {
    closeDeadlineNanos = System.nanoTime() + timeout.toNanos();
    closing.countDown();
    wake.release();
    try {
      thread.join(timeout.plusSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closed = true;
    List<InferenceResult> rest = new ArrayList<>(carried);
    memory.drainTo(rest);
    if (!rest.isEmpty()) {
      try {
        journal.append(rest);
      } catch (IOException e) {
        drop(rest.size(), "the spill journal cannot be written at shutdown");
      }
    }
    if (journal.pending() > 0) {
      LOG.warn("{} results are not in the database yet; they stay in {} for the next start",
          journal.pending(), journal.path());
    }
    journal.close();
    db.close();
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }

  private void run() {
    Duration backoff = FIRST_BACKOFF;
    while (true) {
      boolean failed = false;
      try {
        drainMemory();
        if (journal.hasPending()) {
          linger();
          lastReplayNanos = System.nanoTime();
          journal.replay(batchSize, this::take);
        }
        backoff = FIRST_BACKOFF;
      } catch (TransientFailure e) {
        failed = true;
      } catch (Exception e) {
        // the journal itself failed to read or delete: keep it and retry like an outage
        errors.add("journal_io");
        LOG.error("replaying the spill journal {} failed: {}", journal.path(), e.toString());
        failed = true;
      }
      boolean stopping = closing.getCount() == 0;
      if (stopping && (!pendingWork() || System.nanoTime() > closeDeadlineNanos)) {
        return;
      }
      if (failed) {
        pause(backoff);
        backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
      } else if (!pendingWork()) {
        try {
          wake.tryAcquire(200, TimeUnit.MILLISECONDS);
          wake.drainPermits();
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  /** Waits out the rest of {@link #LINGER_NANOS} unless a batch is waiting or the store closes. */
  private void linger() {
    long wait = LINGER_NANOS - (System.nanoTime() - lastReplayNanos);
    if (wait > 0 && journal.pending() < batchSize && closing.getCount() > 0) {
      try {
        closing.await(wait, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private boolean pendingWork() {
    return !carried.isEmpty() || !memory.isEmpty() || journal.hasPending();
  }

  /** Sleeps between attempts; briskly (200 ms at most) once closing. */
  private void pause(Duration d) {
    try {
      if (closing.await(d.toMillis(), TimeUnit.MILLISECONDS)) {
        Thread.sleep(Math.min(d.toMillis(), 200));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Results the journal refused: into the journal now if it takes them, else straight to the database. */
  private void drainMemory() throws TransientFailure {
    if (carried.isEmpty()) {
      memory.drainTo(carried, batchSize);
      carriedCount = carried.size();
    }
    if (carried.isEmpty()) {
      return;
    }
    try {
      journal.append(carried);
    } catch (IOException journalStillRefuses) {
      deliver(carried);
    }
    carried.clear();
    carriedCount = 0;
  }

  /** The journal's sink: one batch of a replay. */
  private void take(List<InferenceResult> results, List<String> unreadable) throws TransientFailure {
    deliver(results);
    for (String line : unreadable) {
      deadLetter(DeadLetter.unreadable(line, "not a result line"), null);
    }
  }

  /**
   * Writes rows, splitting a refused batch until each refused row is alone and dead-lettered.
   *
   * @throws TransientFailure when the database is away: nothing of {@code rows} is forgotten
   */
  private void deliver(List<InferenceResult> rows) throws TransientFailure {
    Deque<List<InferenceResult>> work = new ArrayDeque<>();
    work.push(rows);
    while (!work.isEmpty()) {
      List<InferenceResult> part = work.pop();
      try {
        db.write(part);
        written.addAndGet(part.size());
        markUp();
      } catch (Exception e) {
        WriteFailure failure = db.classify(e);
        if (!failure.rejected()) {
          throw outage(failure, e);
        }
        markUp(); // a refusal is an answer: the database is there
        if (part.size() == 1) {
          InferenceResult r = part.get(0);
          deadLetter(DeadLetter.refused(r, failure, WriteFailure.reason(e)), failure);
        } else {
          int half = part.size() / 2;
          work.push(part.subList(half, part.size()));
          work.push(part.subList(0, half));
        }
      }
    }
  }

  private void deadLetter(DeadLetter letter, WriteFailure cause) throws TransientFailure {
    try {
      db.deadLetter(List.of(letter));
    } catch (Exception e) {
      WriteFailure failure = db.classify(e);
      if (!failure.rejected()) {
        throw outage(failure, e);
      }
      // the dead-letter table refused an ASCII line: nowhere left to keep it
      drop(1, "the dead-letter table refused it (" + failure.label() + ")");
      return;
    }
    errors.add(cause == null ? "unreadable_line" : cause.label());
    long n = deadLettered.incrementAndGet();
    if (n <= LOGGED_ONE_BY_ONE || n % 1000 == 0) {
      LOG.warn("result {} refused ({}: {}); kept in the dead-letter table ({} so far)",
          letter.requestId(), cause == null ? "unreadable" : cause.label(), letter.reason(), n);
    }
  }

  private void markUp() {
    databaseUp = true;
    if (outage) {
      outage = false;
      LOG.info("database reachable again; writing the {} results kept meanwhile",
          journal.pending() + memory.size() + carried.size());
    }
  }

  private TransientFailure outage(WriteFailure failure, Exception cause) {
    errors.add(failure.label());
    if (!outage && (cause instanceof MigrationMismatchException
        || cause instanceof SchemaMigrationException)) {
      LOG.error("{}; results are kept in {} until then", cause.getMessage(), journal.path());
    } else if (!outage) {
      // once per outage, with the cause for the operator (the log may name hosts; /health not)
      LOG.warn("database unreachable ({}: {}); results are kept in {} and written when it answers",
          failure.label(), DatabaseErrors.oneLine(cause), journal.path());
    }
    databaseUp = false;
    outage = true;
    return new TransientFailure();
  }

  private void drop(int n, String why) {
    long before = dropped.getAndAdd(n);
    errors.add("dropped");
    // the first loss, then one line per thousand, so a full disk does not flood the log
    if (before == 0 || (before + n) / 1000 != before / 1000) {
      LOG.error("dropped {} results ({} in all): {}", n, before + n, why);
    }
  }

  /** The database is away; the rows stay where they are. */
  private static final class TransientFailure extends Exception {
    private static final long serialVersionUID = 1L;

    TransientFailure() {
      super(null, null, false, false);
    }
  }
}
