package io.psa.container.evaluate;

import io.psa.model.evaluation.Counts;
import io.psa.model.evaluation.SkabReport;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The summary page: grouped bars of F1, FAR and MAR for each evaluated detector, then the published
 * SKAB leaderboard (EVALUATION.md, all 34 files) in paler bars, with a table of the same figures
 * below. A reader sees at a glance whether a high F1 came with a high false alarm rate.
 */
public final class SummaryPlot {

  /** One row of a leaderboard: name and the three figures as fractions. */
  record Entry(String name, double f1, double far, double mar, boolean ours) {}

  /** EVALUATION.md, "The leaderboard to beat" (all 34 SKAB experiment files). */
  static final List<Entry> LEADERBOARD = List.of(
      new Entry("SKAB Conv-AE", 0.78, 0.1355, 0.2802, false),
      new Entry("SKAB MSET", 0.78, 0.3973, 0.1413, false),
      new Entry("SKAB T2+Q (PCA)", 0.76, 0.2662, 0.2492, false),
      new Entry("SKAB LSTM-AE", 0.74, 0.2996, 0.2592, false),
      new Entry("SKAB Vanilla AE", 0.39, 0.0259, 0.7515, false),
      new Entry("SKAB IF (raw points)", 0.29, 0.0256, 0.8289, false),
      new Entry("all rows anomalous", 0.70, 1.0, 0.0, false));

  private static final Color[] BARS = {new Color(40, 110, 190), new Color(220, 70, 60),
      new Color(240, 160, 30)};
  private static final String[] FIGURES = {"F1", "FAR", "MAR"};

  private SummaryPlot() {}

  public static void write(Path png, SkabReport report, String subtitle) throws IOException {
    List<Entry> entries = new ArrayList<>();
    for (Map.Entry<String, SkabReport.Totals> e : report.totals().entrySet()) {
      Counts c = e.getValue().all();
      entries.add(new Entry(e.getKey(), c.f1(), c.far(), c.mar(), true));
    }
    entries.addAll(LEADERBOARD);
    int width = Math.max(1000, 110 * entries.size() + 120);
    int height = 420 + 20 * entries.size() + 60;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    Panel p = new Panel(g, 60, 50, width - 100, 300, 0, entries.size(), 0, 1);
    for (double y = 0.2; y < 1; y += 0.2) {
      g.setColor(Panel.GRID);
      g.drawLine(p.px(0), p.py(y), p.px(entries.size()), p.py(y));
    }
    for (int i = 0; i < entries.size(); i++) {
      bars(g, p, i, entries.get(i));
    }
    p.horizontal(0.85, new Color(30, 140, 60), "target F1 0.85");
    p.axes("SKAB evaluation: " + subtitle
        + "   (solid: this run; pale: published leaderboard, all 34 SKAB files)", "%.1f", 0);
    legend(g, width);
    table(g, entries, 60, 410);
    g.dispose();
    ImageIO.write(image, "png", png.toFile());
  }

  private static void bars(Graphics2D g, Panel p, int i, Entry e) {
    double[] v = {e.f1(), e.far(), e.mar()};
    for (int k = 0; k < 3; k++) {
      Color c = e.ours() ? BARS[k] : pale(BARS[k]);
      double x = i + 0.12 + k * 0.25;
      g.setColor(c);
      g.fillRect(p.px(x), p.py(v[k]), p.px(x + 0.22) - p.px(x), p.py(0) - p.py(v[k]));
    }
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, e.ours() ? Font.BOLD : Font.PLAIN, 10));
    String name = e.name().length() > 18 ? e.name().substring(0, 18) : e.name();
    g.drawString(name, p.px(i + 0.5) - g.getFontMetrics().stringWidth(name) / 2, p.py(0) + 26);
  }

  private static void legend(Graphics2D g, int width) {
    g.setFont(Panel.SMALL);
    for (int k = 0; k < 3; k++) {
      int x = width - 230 + 70 * k;
      g.setColor(BARS[k]);
      g.fillRect(x, 12, 12, 12);
      g.setColor(Color.BLACK);
      g.drawString(FIGURES[k], x + 16, 22);
    }
  }

  private static void table(Graphics2D g, List<Entry> entries, int x, int y) {
    g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 12));
    g.setColor(Color.BLACK);
    g.drawString(String.format("%-24s %6s %8s %8s", "detector", "F1", "FAR %", "MAR %"), x, y);
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      g.setFont(new Font(Font.MONOSPACED, e.ours() ? Font.BOLD : Font.PLAIN, 12));
      g.drawString(String.format("%-24s %6.3f %8.2f %8.2f", e.name(), e.f1(), 100 * e.far(),
          100 * e.mar()), x, y + 18 * (i + 1));
    }
  }

  private static Color pale(Color c) {
    return new Color((c.getRed() + 2 * 255) / 3, (c.getGreen() + 2 * 255) / 3,
        (c.getBlue() + 2 * 255) / 3);
  }
}
