package io.psa.container.evaluate;

import io.psa.model.evaluation.FileResult;
import io.psa.model.evaluation.SkabReport;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * The summary page: per detector of this run bars of F1, false-alarm rate, missed-alarm rate and
 * the false-alarm rate on the anomaly-free pieces, with the targets marked; then the published
 * SKAB leaderboard in paler bars; a table of the same figures, with both halves, below. A reader
 * sees at a glance whether a high F1 came with a high false-alarm rate.
 */
public final class SummaryPlot {

  static final Color[] BARS = {new Color(40, 110, 190), new Color(220, 70, 60),
      new Color(240, 160, 30), new Color(130, 70, 170)};
  static final String[] NAMES = {"F1", "FAR", "MAR", "anomaly-free FAR"};
  /** Issue 8's targets (ADR 14) in bar order: F1 at least 0.85, FAR at most 12 %, ... */
  static final double[] TARGETS = {0.85, 0.12, Double.NaN, 0.15};

  static final int LEFT = 70;
  static final int RIGHT = 70;
  static final int GROUP = 120;
  static final int CHART_TOP = 122;
  static final int CHART_H = 300;
  static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  static final Font LABEL_OURS = new Font(Font.SANS_SERIF, Font.BOLD, 11);

  private SummaryPlot() {}

  public static void write(Path png, SkabReport report) throws IOException {
    ImageIO.write(draw(report), "png", png.toFile());
  }

  static BufferedImage draw(SkabReport report) {
    List<SummaryRow> rows = new ArrayList<>();
    report.totals().forEach((name, t) -> rows.add(SummaryRow.of(name, t)));
    int ours = rows.size();
    rows.addAll(SummaryRow.LEADERBOARD);
    int width = Math.max(1200, LEFT + GROUP * rows.size() + RIGHT);
    int tableTop = CHART_TOP + CHART_H + 78;
    int height = tableTop + SummaryTable.LINE * (rows.size() + 2) + 16;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = Panel.blank(image);
    g.setColor(Color.BLACK);
    g.setFont(FileHeader.HEADLINE);
    g.drawString(title(report), LEFT, 24);
    SummaryKey.draw(g, LEFT, 44, width - LEFT - RIGHT);
    Panel p = new Panel(g, new Rectangle(LEFT, CHART_TOP, GROUP * rows.size(), CHART_H), 0,
        rows.size(), 0, 1);
    axis(g, p);
    captions(g, p, ours, rows.size());
    for (int i = 0; i < rows.size(); i++) {
      bars(g, p, i, rows.get(i));
    }
    p.frame();
    SummaryTable.draw(g, rows, LEFT, tableTop);
    g.dispose();
    return image;
  }

  /** {@code SKAB evaluation · settings skab-v3 (version 3) · 16 labelled files (valve1) + ...}. */
  static String title(SkabReport report) {
    Set<String> labelled = new LinkedHashSet<>();
    Set<String> groups = new LinkedHashSet<>();
    Set<String> pieces = new LinkedHashSet<>();
    for (FileResult r : report.results()) {
      if (r.half() == 0) {
        pieces.add(r.file().id());
      } else {
        labelled.add(r.file().id());
        groups.add(r.file().group());
      }
    }
    return String.format(Locale.ROOT, "SKAB evaluation   ·   settings %s (version %d)   ·   %d"
        + " labelled files (%s) + %s", report.config().name(), report.config().version(),
        labelled.size(), String.join(", ", groups), pieces.isEmpty()
            ? "no anomaly-free recording"
            : pieces.size() + " anomaly-free piece" + (pieces.size() == 1 ? "" : "s"));
  }

  private static void axis(Graphics2D g, Panel p) {
    ValueTicks ticks = ValueTicks.of(0, 1, 5);
    p.valueTicks(ticks);
    Rectangle a = p.area();
    g.setFont(Panel.SMALL);
    g.setColor(Panel.AXIS);
    for (double v : ticks.values()) {
      g.drawString(String.format(Locale.ROOT, "%.0f %%", 100 * v), a.x + a.width + 5,
          p.py(v) + 4);
    }
  }

  /** Which bars are this run's and which the leaderboard's, above each part of the chart. */
  private static void captions(Graphics2D g, Panel p, int ours, int all) {
    g.setColor(Panel.AXIS);
    g.setStroke(new BasicStroke(1f));
    g.drawLine(p.px(ours), p.area().y - 18, p.px(ours), p.area().y + p.area().height + 40);
    g.setFont(Panel.TITLE);
    caption(g, "this run", p.px(0), p.px(ours));
    caption(g, "published SKAB leaderboard: all 34 SKAB experiment files, no anomaly-free"
        + " figure", p.px(ours), p.px(all));
  }

  private static void caption(Graphics2D g, String text, int from, int to) {
    int w = g.getFontMetrics().stringWidth(text);
    g.drawString(text, Math.max(from + 4, (from + to - w) / 2), CHART_TOP - 8);
  }

  private static void bars(Graphics2D g, Panel p, int i, SummaryRow row) {
    double[] v = row.bars();
    for (int k = 0; k < v.length; k++) {
      if (Double.isNaN(v[k])) {
        continue;
      }
      double x = i + 0.08 + k * 0.215;
      g.setColor(row.ours() ? BARS[k] : pale(BARS[k]));
      g.fillRect(p.px(x), p.py(v[k]), p.px(x + 0.19) - p.px(x), p.py(0) - p.py(v[k]));
      if (row.ours() && !Double.isNaN(TARGETS[k])) {
        SummaryKey.target(g, p.px(x) - 3, p.px(x + 0.19) + 3, p.py(TARGETS[k]));
      }
    }
    g.setColor(Color.BLACK);
    g.setFont(row.ours() ? LABEL_OURS : LABEL);
    List<String> lines = Text.wrap(row.name(), g.getFontMetrics(), GROUP - 8);
    for (int l = 0; l < lines.size(); l++) {
      String s = lines.get(l);
      g.drawString(s, p.px(i + 0.5) - g.getFontMetrics().stringWidth(s) / 2,
          p.py(0) + 16 + 13 * l);
    }
  }

  static Color pale(Color c) {
    return new Color((c.getRed() + 2 * 255) / 3, (c.getGreen() + 2 * 255) / 3,
        (c.getBlue() + 2 * 255) / 3);
  }
}
