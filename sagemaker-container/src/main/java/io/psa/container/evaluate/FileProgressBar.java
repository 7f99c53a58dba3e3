package io.psa.container.evaluate;

import io.psa.model.evaluation.SkabEvaluation;
import io.psa.model.evaluation.SkabFile;
import java.io.PrintWriter;

/**
 * A progress bar over files on standard error, {@code [#####.....] 8/16 files  valve1/7}, redrawn
 * in place when standard error is a terminal ({@code bin/psa} sets {@code psa.stderr.tty}), and
 * otherwise silent so that logs and tests are not littered with carriage returns.
 */
public final class FileProgressBar implements SkabEvaluation.Listener {

  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final boolean enabled;

  public FileProgressBar(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  /** Whether {@code bin/psa} reported standard error to be a terminal. */
  public static boolean stderrIsTerminal() {
    return Boolean.getBoolean("psa.stderr.tty");
  }

  /** Draws the empty bar before the first file finishes. */
  public void start(int total) {
    draw(0, total, "");
  }

  @Override
  public synchronized void fileDone(SkabFile file, int done, int total) {
    draw(done, total, file.id());
    if (enabled && done == total) {
      err.print("\r\033[K");
      err.flush();
    }
  }

  private void draw(int done, int total, String last) {
    if (!enabled) {
      return;
    }
    int filled = total == 0 ? WIDTH : WIDTH * done / total;
    err.printf("\r[%s%s] %d/%d files  %s\033[K", "#".repeat(filled), ".".repeat(WIDTH - filled),
        done, total, last);
    err.flush();
  }
}
