package io.psa.model.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * Writes tiny SKAB-shaped folders for the tests: group {@code g}, files {@code <n>.csv} at 1 s,
 * channels {@code a} and {@code b}, and an {@code anomaly-free/anomaly-free.csv} the reader must
 * skip.
 */
final class SyntheticSkab {

  static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  static final LocalDateTime START = LocalDateTime.of(2020, 3, 9, 10, 0, 0);

  private SyntheticSkab() {}

  /**
   * A noise-free periodic file (periods 6 s and 4 s, so every 12 s repeat): channel {@code a} is
   * raised by 50 on rows {@code [shiftFrom, shiftTo)}, and {@code anomaly} is 1 on {@code
   * [labelFrom, labelTo)} and on {@code [quietFrom, quietTo)} (labelled, but nothing changes).
   */
  static void periodic(Path dir, String name, int rows, int shiftFrom, int shiftTo,
      int quietFrom, int quietTo) throws IOException {
    StringBuilder csv = new StringBuilder("datetime;a;b;anomaly;changepoint\n");
    for (int i = 0; i < rows; i++) {
      double a = 10 + Math.sin(2 * Math.PI * i / 6) + (i >= shiftFrom && i < shiftTo ? 50 : 0);
      double b = 5 + Math.cos(2 * Math.PI * i / 4);
      boolean label = (i >= shiftFrom && i < shiftTo) || (i >= quietFrom && i < quietTo);
      csv.append(row(i, a, b, label, i == shiftFrom));
    }
    write(dir.resolve("g").resolve(name + ".csv"), csv);
  }

  /** A seeded noisy file with a level shift on {@code a} from row {@code shiftFrom} on. */
  static void noisy(Path dir, String name, int rows, int shiftFrom, long seed) throws IOException {
    Random random = new Random(seed);
    StringBuilder csv = new StringBuilder("datetime;a;b;anomaly;changepoint\n");
    for (int i = 0; i < rows; i++) {
      double a = 10 + random.nextGaussian() + (i >= shiftFrom ? 3 : 0);
      double b = 5 + 0.5 * random.nextGaussian() + 0.01 * i;
      csv.append(row(i, a, b, i >= shiftFrom, i == shiftFrom));
    }
    write(dir.resolve("g").resolve(name + ".csv"), csv);
  }

  /** The anomaly-free file SKAB ships beside the experiments; not an experiment. */
  static void anomalyFree(Path dir) throws IOException {
    write(dir.resolve("anomaly-free").resolve("anomaly-free.csv"),
        new StringBuilder("datetime;a;b\n").append(START.format(FORMAT)).append(";1;2\n"));
  }

  static String datetime(int row) {
    return START.plusSeconds(row).format(FORMAT);
  }

  private static String row(int i, double a, double b, boolean label, boolean changepoint) {
    return datetime(i) + ";" + a + ";" + b + ";" + (label ? "1.0" : "0.0") + ";"
        + (changepoint ? "1.0" : "0.0") + "\n";
  }

  private static void write(Path file, CharSequence text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
