package io.psa.container.evaluate;

import io.psa.model.evaluation.Counts;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.util.List;
import java.util.Locale;

/**
 * The table under the summary bars: per detector F1, FAR and MAR over all labelled files, F1 and
 * FAR of each half, and the anomaly-free false-alarm rate; "-" where the leaderboard published
 * nothing. This run's rows are bold.
 */
final class SummaryTable {

  static final Font PLAIN = new Font(Font.MONOSPACED, Font.PLAIN, 12);
  static final Font BOLD = new Font(Font.MONOSPACED, Font.BOLD, 12);
  static final int LINE = 18;
  private static final String ROW = "%-22s %6s %7s %7s   %-19s %-19s %s";

  private SummaryTable() {}

  /** Draws the header at baseline {@code y}, a line per row and a note; returns the end. */
  static int draw(Graphics2D g, List<SummaryRow> rows, int x, int y) {
    g.setColor(Color.BLACK);
    g.setFont(BOLD);
    g.drawString(String.format(Locale.ROOT, ROW, "detector", "F1", "FAR %", "MAR %",
        "half 1: F1, FAR %", "half 2: F1, FAR %", "anomaly-free FAR %"), x, y);
    for (int i = 0; i < rows.size(); i++) {
      SummaryRow r = rows.get(i);
      g.setFont(r.ours() ? BOLD : PLAIN);
      g.drawString(line(r), x, y + LINE * (i + 1));
    }
    g.setFont(Panel.SMALL);
    g.setColor(Panel.AXIS);
    int end = y + LINE * (rows.size() + 1) + 4;
    g.drawString("half 1 = the first half of each group's files, half 2 = the rest: settings"
        + " chosen on one half should hold on the other.", x, end);
    return end + LINE;
  }

  /** One row as the table writes it. */
  static String line(SummaryRow r) {
    return String.format(Locale.ROOT, ROW, r.name(), String.format(Locale.ROOT, "%.3f", r.f1()),
        percent(r.far()), percent(r.mar()), half(r.firstHalf()), half(r.secondHalf()),
        Double.isNaN(r.anomalyFreeFar()) ? "-" : percent(r.anomalyFreeFar()));
  }

  private static String half(Counts c) {
    return c == null ? "-"
        : String.format(Locale.ROOT, "%.3f  %6s", c.f1(), percent(c.far()));
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.2f", 100 * fraction);
  }
}
