package io.psa.container.evaluate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * A tiny SKAB-shaped folder for the command's tests: group {@code g}, 1 s rows, channels {@code
 * a} and {@code b}, a level shift of {@code a} labelled anomalous, and a small configuration (60
 * training rows, 5 s windows) that fits it.
 */
public final class TinySkab {

  static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  static final LocalDateTime START = LocalDateTime.of(2020, 3, 9, 10, 0, 0);

  private TinySkab() {}

  /** {@code g/<name>.csv}: seeded noise, {@code a} raised by 4 on rows [shiftFrom, shiftTo). */
  public static void file(Path dir, String name, int rows, int shiftFrom, int shiftTo, long seed)
      throws IOException {
    Random random = new Random(seed);
    StringBuilder csv = new StringBuilder("datetime;a;b;anomaly;changepoint\n");
    for (int i = 0; i < rows; i++) {
      boolean shifted = i >= shiftFrom && i < shiftTo;
      double a = 10 + random.nextGaussian() + (shifted ? 4 : 0);
      double b = 5 + 0.5 * random.nextGaussian();
      csv.append(datetime(i)).append(';').append(a).append(';').append(b).append(';')
          .append(shifted ? "1.0" : "0.0").append(";0.0\n");
    }
    Path file = dir.resolve("g").resolve(name + ".csv");
    Files.createDirectories(file.getParent());
    Files.writeString(file, csv);
  }

  public static String datetime(int row) {
    return START.plusSeconds(row).format(FORMAT);
  }

  /** A configuration file for these folders, with the given detectors' JSON objects. */
  public static Path config(Path dir, String detectorsJson) throws IOException {
    Path file = dir.resolve("tiny.json");
    Files.writeString(file, """
        {"name": "tiny", "version": 1, "train_rows": 60,
         "settings": {"input_period_ms": 1000, "lowpass_hz": 0, "output_period_ms": 1000,
                      "window_ms": 5000, "stride_ms": 1000, "max_gap_ms": 10000,
                      "features": "mean,ptp", "slow_channel_min_samples": 0,
                      "threshold_quantile": 0.99, "threshold_margin": 0,
                      "alarm_k": 1, "alarm_n": 1, "alarm_hold_s": 0, "seed": 5},
         "plot_channel": "a",
         "detectors": %s}""".formatted(detectorsJson));
    return file;
  }
}
