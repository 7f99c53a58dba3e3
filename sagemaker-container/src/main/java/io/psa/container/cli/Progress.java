package io.psa.container.cli;

import java.io.PrintWriter;

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

  private static final long REDRAW_NANOS = 500_000_000L;

  private final PrintWriter err;
  private final String label;
  private final long total;
  private final boolean enabled;
  private long lastDraw;

  Progress(PrintWriter err, String label, long total) {
    this.err = err;
    this.label = label;
    this.total = total;
    this.enabled = Boolean.getBoolean(TTY_PROPERTY) && total >= MIN_RECORDS;
    this.lastDraw = System.nanoTime();
  }

  /** Reports that {@code done} of the total records are written. */
  void update(long done) {
    long now = System.nanoTime();
    if (enabled && now - lastDraw >= REDRAW_NANOS) {
      lastDraw = now;
      err.printf("\r%s: %3d%% (%,d of %,d records)", label, 100 * done / total, done, total);
      err.flush();
    }
  }

  /** Clears the line once the job is done. */
  void done() {
    if (enabled) {
      err.print("\r\033[K");
      err.flush();
    }
  }
}
