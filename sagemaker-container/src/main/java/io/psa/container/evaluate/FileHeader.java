package io.psa.container.evaluate;

import io.psa.model.evaluation.SkabFile;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;

/**
 * The top of a file's picture: which file, when, how many rows, then a key to every colour and
 * mark, and the figures and the score spelled out once (the panels below abbreviate them).
 */
final class FileHeader {

  static final Font HEADLINE = new Font(Font.SANS_SERIF, Font.BOLD, 15);

  private static final List<KeyRow.Entry> KEYS = List.of(
      new KeyRow.Entry(KeyRow.box(FilePlot.TRAIN), "training rows"),
      new KeyRow.Entry(KeyRow.box(FilePlot.LABELLED), "labelled anomaly"),
      new KeyRow.Entry(FileHeader::scoreLine, "score"),
      new KeyRow.Entry(FileHeader::thresholdLine, "alarm threshold"),
      new KeyRow.Entry(KeyRow.box(AlarmLane.ALARM), "alarm"),
      new KeyRow.Entry(FileHeader::episode, "alarm episode and the channels that drove it"),
      new KeyRow.Entry((g, x, y) -> ScorePanel.triangle(g, x + 7, y + 1),
          "score above the axis, its peak"));

  /** The score and the figures spelled out; two lines at most on the picture's width. */
  static final String DEFINITIONS = "score: 0 = median of the training windows, 1 = alarm"
      + " threshold.   Figures over the file's test rows: F1 = TP / (TP + (FN + FP) / 2), one"
      + " number for catching faults without false alarms;  FAR = false-alarm rate, the share of"
      + " normal rows flagged;  MAR = missed-alarm rate, the share of anomalous rows not flagged.";

  private FileHeader() {}

  /** @param periodS the file's median step between rows, s */
  static void draw(Graphics2D g, SkabFile file, int train, double periodS, int width) {
    g.setColor(Color.BLACK);
    g.setFont(HEADLINE);
    g.drawString(headline(file, train, periodS), FilePlot.LEFT, 20);
    g.setFont(Panel.SMALL);
    KeyRow.draw(g, KEYS, FilePlot.LEFT, 40);
    g.setColor(Panel.AXIS);
    Text.paragraph(g, DEFINITIONS, FilePlot.LEFT, 58, width - FilePlot.LEFT - FilePlot.RIGHT, 14);
  }

  /** {@code valve1/1 · 2020-03-09 10:34:33 to 10:54:33 UTC · 1,145 rows, one every 1 s · ...}. */
  static String headline(SkabFile file, int train, double period) {
    String first = file.datetimes().getFirst();
    String last = file.datetimes().getLast();
    if (first.length() == last.length() && first.length() > 11
        && first.substring(0, 11).equals(last.substring(0, 11))) {
      last = last.substring(11);
    }
    return String.format(Locale.ROOT, "%s   ·   %s to %s UTC   ·   %,d rows, one every %s s"
        + "   ·   models fitted on the first %,d rows", file.id(), first, last, file.rows(),
        new BigDecimal(period).round(new MathContext(3)).stripTrailingZeros().toPlainString(),
        train);
  }

  private static void scoreLine(Graphics2D g, int x, int y) {
    g.setColor(ScorePanel.SCORE);
    g.setStroke(new BasicStroke(1.5f));
    g.drawLine(x, y + 7, x + 5, y + 2);
    g.drawLine(x + 5, y + 2, x + 14, y + 6);
  }

  private static void thresholdLine(Graphics2D g, int x, int y) {
    g.setColor(ScorePanel.THRESHOLD);
    g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
        new float[] {4, 3}, 0));
    g.drawLine(x, y + 5, x + 14, y + 5);
    g.setStroke(new BasicStroke(1f));
  }

  private static void episode(Graphics2D g, int x, int y) {
    g.setColor(AlarmLane.ALARM);
    g.fillRect(x, y, 14, 10);
    g.setColor(AlarmLane.EPISODE);
    g.drawRect(x, y, 14, 10);
  }
}
