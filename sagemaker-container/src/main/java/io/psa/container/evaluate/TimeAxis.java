package io.psa.container.evaluate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A clock-time x axis in UTC: x values are epoch seconds, ticks fall on whole multiples of a step
 * chosen so that labels keep at least {@value #MIN_SPACING_PX} px apart, and labels read
 * {@code 10:16} (or {@code 10:16:30} when the step is under a minute).
 *
 * @param fromS the axis start, epoch seconds
 * @param toS the axis end, epoch seconds
 * @param stepS the tick step, s
 */
record TimeAxis(double fromS, double toS, long stepS) {

  /** The least distance between two tick labels, px. */
  static final int MIN_SPACING_PX = 80;

  private static final long[] STEPS_S = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600,
      7200, 10800, 21600, 43200, 86400};
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm")
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss")
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAYS = DateTimeFormatter.ofPattern("MM-dd HH:mm")
      .withZone(ZoneOffset.UTC);

  /** The axis over {@code [fromS, toS]} drawn {@code widthPx} wide. */
  static TimeAxis of(double fromS, double toS, int widthPx) {
    double span = Math.max(1, toS - fromS);
    int most = Math.max(1, widthPx / MIN_SPACING_PX);
    for (long step : STEPS_S) {
      if (span / step <= most) {
        return new TimeAxis(fromS, toS, step);
      }
    }
    long days = (long) Math.ceil(span / 86400 / most);
    return new TimeAxis(fromS, toS, days * 86400);
  }

  /** The tick positions, epoch seconds, whole multiples of the step inside the axis. */
  double[] ticks() {
    long first = (long) Math.ceil(fromS / stepS) * stepS;
    int n = first > toS ? 0 : (int) ((toS - first) / stepS) + 1;
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = first + (double) i * stepS;
    }
    return out;
  }

  /** A tick's label. */
  String label(double epochS) {
    DateTimeFormatter f = stepS >= 86400 ? DAYS : stepS < 60 ? SECONDS : MINUTES;
    return f.format(Instant.ofEpochMilli(Math.round(epochS * 1000)));
  }

  /** The axis title: {@code time (UTC, 2020-03-09)}, or both dates when it spans midnight. */
  String title() {
    LocalDate from = date(fromS);
    LocalDate to = date(toS);
    return "time (UTC, " + from + (to.equals(from) ? "" : " to " + to) + ")";
  }

  private static LocalDate date(double epochS) {
    return Instant.ofEpochMilli(Math.round(epochS * 1000)).atZone(ZoneOffset.UTC).toLocalDate();
  }
}
