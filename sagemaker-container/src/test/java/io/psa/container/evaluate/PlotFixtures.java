package io.psa.container.evaluate;

import io.psa.model.Episode;
import io.psa.model.evaluation.Counts;
import io.psa.model.evaluation.FileResult;
import io.psa.model.evaluation.SkabFile;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Files and results built in memory for the picture tests: one row a second from 2020-03-09
 * 10:14:33 UTC, a recorder pause of {@value #PAUSE_S} s after row {@value #PAUSE_AFTER}, a
 * labelled anomaly on rows 400-499, and helpers that read pixels back.
 */
final class PlotFixtures {

  static final long START_MS = Instant.parse("2020-03-09T10:14:33Z").toEpochMilli();
  static final int ROWS = 600;
  static final int TRAIN = 100;
  static final int PAUSE_AFTER = 300;
  static final int PAUSE_S = 76;

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private PlotFixtures() {}

  /** Channels {@code Pressure} (a slow sine around 1 bar) and {@code mystery}. */
  static SkabFile file(String group, String name, boolean labelled) {
    long[] ts = new long[ROWS];
    List<String> datetimes = new ArrayList<>();
    double[][] values = new double[2][ROWS];
    int[] anomaly = new int[ROWS];
    for (int i = 0; i < ROWS; i++) {
      ts[i] = START_MS + 1000L * i + (i > PAUSE_AFTER ? 1000L * (PAUSE_S - 1) : 0);
      datetimes.add(FORMAT.format(Instant.ofEpochMilli(ts[i])));
      values[0][i] = 1 + 0.2 * Math.sin(i / 15.0);
      values[1][i] = i % 7;
      anomaly[i] = labelled && i >= 400 && i < 500 ? 1 : 0;
    }
    return new SkabFile(group, name, datetimes, ts, List.of("Pressure", "mystery"), values,
        anomaly, new int[ROWS]);
  }

  /** Scores of about 0.3 on every test row, with {@code high} on test rows [from, to). */
  static double[] scores(int from, int to, double high) {
    double[] s = new double[ROWS - TRAIN];
    for (int i = 0; i < s.length; i++) {
      s[i] = i >= from && i < to ? high : 0.3 + 0.2 * Math.sin(i / 5.0);
    }
    return s;
  }

  /** A detector's result: alarms where the score is above 1, one episode over them. */
  static FileResult result(SkabFile file, String detector, int half, double[] scores) {
    int[] labels = Arrays.copyOfRange(file.anomaly(), TRAIN, ROWS);
    int[] predictions = new int[scores.length];
    for (int i = 0; i < scores.length; i++) {
      predictions[i] = scores[i] > 1 ? 1 : 0;
    }
    List<Episode> episodes = List.of(new Episode(file.tsMs()[TRAIN + 300],
        file.tsMs()[TRAIN + 340], 30, 0.999, file.tsMs()[TRAIN + 320], List.of("Pressure"),
        List.of("Pressure.mean"), false, false));
    return new FileResult(file, detector, half, file.datetimes().subList(TRAIN, ROWS), labels,
        predictions, scores, episodes, Counts.of(labels, predictions), 0.1, null, null);
  }

  /** The pixel column of row {@code row} in a panel of the file's picture. */
  static int column(SkabFile file, Rectangle area, double row) {
    double t0 = file.tsMs()[0];
    double span = file.tsMs()[ROWS - 1] - t0;
    double t = row == Math.floor(row) ? file.tsMs()[(int) row]
        : (file.tsMs()[(int) row] + file.tsMs()[(int) row + 1]) / 2.0;
    return (int) Math.round(area.x + (t - t0) / span * area.width);
  }

  /** How many pixels of column x between rows y0 and y1 (exclusive) pass the test. */
  static int count(BufferedImage image, int x, int y0, int y1, IntPredicate rgb) {
    int n = 0;
    for (int y = y0; y < y1; y++) {
      n += rgb.test(image.getRGB(x, y) & 0xFFFFFF) ? 1 : 0;
    }
    return n;
  }

  /** Blue well above red: the signal's line, antialiased or not. */
  static boolean signalBlue(int rgb) {
    return (rgb & 0xFF) - ((rgb >> 16) & 0xFF) > 40;
  }

  /** A dark neutral grey: the score's line. */
  static boolean scoreGrey(int rgb) {
    int r = (rgb >> 16) & 0xFF;
    int g = (rgb >> 8) & 0xFF;
    int b = rgb & 0xFF;
    return Math.max(r, Math.max(g, b)) < 170 && Math.abs(r - g) < 20 && Math.abs(g - b) < 20;
  }
}
