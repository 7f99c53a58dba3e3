package io.psa.container.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress line: only at a terminal, only for long jobs, at most twice a second. */
class ProgressTest {

  private final StringWriter err = new StringWriter();
  private final AtomicLong nanos = new AtomicLong();

  private Progress progress(long total, boolean terminal) {
    return new Progress(new PrintWriter(err), "psa simulate", total, terminal, nanos::get);
  }

  @Test
  void at_a_terminal_a_long_job_redraws_one_line_twice_a_second_and_clears_it() {
    Progress p = progress(720_000, true);
    p.update(10_000); // at once: nothing yet
    nanos.addAndGet(600_000_000L);
    p.update(180_000);
    nanos.addAndGet(100_000_000L);
    p.update(190_000); // 100 ms later: not redrawn
    p.done();

    assertThat(err.toString())
        .isEqualTo("\rpsa simulate:  25% (180,000 of 720,000 records)\r\033[K");
  }

  @Test
  void without_a_terminal_or_for_a_short_job_nothing_is_printed() {
    Progress piped = progress(720_000, false);
    Progress shortJob = progress(Progress.MIN_RECORDS - 1, true);
    nanos.addAndGet(1_000_000_000L);
    piped.update(360_000);
    shortJob.update(100_000);
    piped.done();
    shortJob.done();

    assertThat(err.toString()).isEmpty();
  }
}
