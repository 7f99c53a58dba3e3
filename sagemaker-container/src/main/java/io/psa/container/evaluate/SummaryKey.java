package io.psa.container.evaluate;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;

/**
 * The key of the summary page: a swatch per bar colour and the target mark, then the figures
 * spelled out once and the targets written in words.
 */
final class SummaryKey {

  static final String DEFINITIONS = "F1 = TP / (TP + (FN + FP) / 2), one number for catching"
      + " faults without false alarms (higher is better);  FAR = false-alarm rate, the share of"
      + " normal rows flagged;  MAR = missed-alarm rate, the share of anomalous rows not flagged;"
      + "  anomaly-free FAR = the share of the anomaly-free recording's test rows flagged (a"
      + " healthy machine). All over every test row of the files together. Pale bars: the"
      + " published leaderboard, measured on all 34 SKAB files, not on this run's.";

  private SummaryKey() {}

  /** Draws the key with its first line's baseline at {@code y}, three lines at most. */
  static void draw(Graphics2D g, int x, int y, int width) {
    g.setFont(Panel.SMALL);
    List<KeyRow.Entry> bars = new ArrayList<>();
    for (int k = 0; k < SummaryPlot.NAMES.length; k++) {
      bars.add(new KeyRow.Entry(KeyRow.box(SummaryPlot.BARS[k]), SummaryPlot.NAMES[k]));
    }
    int at = KeyRow.draw(g, bars, x, y);
    target(g, at, at + 16, y - 4);
    g.setColor(Color.BLACK);
    g.drawString("target (docs/adr/0014): F1 0.85 or more, FAR 12 % or less, anomaly-free FAR"
        + " 15 % or less", at + 22, y);
    g.setColor(Panel.AXIS);
    Text.paragraph(g, DEFINITIONS, x, y + 18, width, 15);
  }

  /** The target mark: a short thick black line across a bar at the target value. */
  static void target(Graphics2D g, int x0, int x1, int y) {
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(2.5f));
    g.drawLine(x0, y, x1, y);
    g.setStroke(new BasicStroke(1f));
  }
}
