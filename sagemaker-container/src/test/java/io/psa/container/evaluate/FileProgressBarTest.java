package io.psa.container.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.psa.model.evaluation.SkabFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileProgressBarTest {

  private static final SkabFile FILE = new SkabFile("valve1", "7", List.of("2020-03-09 10:14:33"),
      new long[] {0}, List.of("a"), new double[][] {{1}}, new int[] {0}, new int[] {0});

  @Test
  void redraws_one_line_with_the_files_done_and_clears_it_at_the_end() {
    StringWriter err = new StringWriter();
    FileProgressBar bar = new FileProgressBar(new PrintWriter(err, true), true);

    bar.start(4);
    bar.fileDone(FILE, 1, 4);
    bar.fileDone(FILE, 4, 4);

    assertThat(err.toString())
        .contains("\r[" + ".".repeat(30) + "] 0/4 files")
        .contains("\r[" + "#".repeat(7) + ".".repeat(23) + "] 1/4 files  valve1/7")
        .contains("] 4/4 files  valve1/7")
        .endsWith("\r\033[K");
  }

  @Test
  void stays_silent_when_standard_error_is_not_a_terminal() {
    StringWriter err = new StringWriter();
    FileProgressBar bar = new FileProgressBar(new PrintWriter(err, true), false);

    bar.start(2);
    bar.fileDone(FILE, 2, 2);

    assertThat(err.toString()).isEmpty();
  }
}
