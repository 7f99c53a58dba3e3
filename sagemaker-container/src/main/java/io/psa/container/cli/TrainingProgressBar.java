package io.psa.container.cli;

import io.psa.model.training.TrainingListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * {@code psa train}'s progress line on standard error: a bar over the reading of the signals
 * (by bytes or records), then the fitting phases, redrawn at most five times a second. Shown only
 * when {@code bin/psa} found standard error to be a terminal (system property {@value
 * Progress#TTY_PROPERTY}), so logs and tests stay clean.
 */
final class TrainingProgressBar implements TrainingListener {

  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintWriter err;
  private final boolean enabled;
  private long lastDraw;
  private String lastPhase = "";

  TrainingProgressBar(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  /** Enabled when standard error is a terminal, as {@code bin/psa} reports it. */
  static TrainingProgressBar forTerminal(PrintWriter err) {
    return new TrainingProgressBar(err, Boolean.getBoolean(Progress.TTY_PROPERTY));
  }

  @Override
  public void progress(String phase, long done, long total) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    boolean newPhase = !phase.equals(lastPhase);
    if (!newPhase && now - lastDraw < REDRAW_NANOS && done != total) {
      return;
    }
    lastDraw = now;
    lastPhase = phase;
    err.print(Progress.CLEAR_LINE + line(phase, done, total));
    err.flush();
  }

  /** Clears the line. */
  void done() {
    if (enabled) {
      err.print(Progress.CLEAR_LINE);
      err.flush();
    }
  }

  static String line(String phase, long done, long total) {
    if (total <= 0) {
      return String.format(Locale.ROOT, "train: %-9s ...", phase);
    }
    double f = Math.min(1, (double) done / total);
    int filled = (int) Math.round(f * WIDTH);
    return String.format(Locale.ROOT, "train: %-9s [%s%s] %3d%%", phase, "#".repeat(filled),
        " ".repeat(WIDTH - filled), Math.round(100 * f));
  }
}
