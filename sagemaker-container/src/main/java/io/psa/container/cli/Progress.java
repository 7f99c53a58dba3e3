package io.psa.container.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress report on standard error, redrawn at most twice a second, for long jobs run
 * at a terminal. Java cannot tell whether standard error is a terminal, so {@code bin/psa} tells
 * it: it sets the system property {@value #TTY_PROPERTY} to {@code true} when it is. Piped or
 * captured runs (tests, scripts, CI logs) stay silent.
 */
final class Progress {

  static final String TTY_PROPERTY = "psa.stderr.tty";

  /** Jobs shorter than this many records finish too fast to need a progress line. */
  static final long MIN_RECORDS = 200_000;

  /** Back to the start of the line and erase it (ANSI), so the next line starts clean. */
  static final String CLEAR_LINE = "\r\033[K";

  private static final long REDRAW_NANOS = 500_000_000L;

  private final PrintWriter err;
  private final String label;
  private final long total;
  private final boolean enabled;
  private final LongSupplier clock;
  private long lastDraw;

  /** Progress of {@code total} records, shown if {@code bin/psa} found a terminal. */
  Progress(PrintWriter err, String label, long total) {
    this(err, label, total, Boolean.getBoolean(TTY_PROPERTY), System::nanoTime);
  }

  /**
   * @param terminal whether standard error is a terminal
   * @param clock nanoseconds, as {@link System#nanoTime}
   */
  Progress(PrintWriter err, String label, long total, boolean terminal, LongSupplier clock) {
    this.err = err;
    this.label = label;
    this.total = total;
    this.enabled = terminal && total >= MIN_RECORDS;
    this.clock = clock;
    this.lastDraw = clock.getAsLong();
  }

  /** Reports that {@code done} of the total records are written. */
  void update(long done) {
    long now = clock.getAsLong();
    if (enabled && now - lastDraw >= REDRAW_NANOS) {
      lastDraw = now;
      err.printf(
          Locale.ROOT, "\r%s: %3d%% (%,d of %,d records)", label, 100 * done / total, done, total);
      err.flush();
    }
  }

  /** Clears the line once the job is done. */
  void done() {
    if (enabled) {
      err.print(CLEAR_LINE);
      err.flush();
    }
  }
}
