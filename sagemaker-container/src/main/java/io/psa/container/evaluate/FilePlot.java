package io.psa.container.evaluate;

import io.psa.model.evaluation.FileResult;
import io.psa.model.evaluation.SkabFile;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The picture of one file, read from the top: a header naming the file, its time span and what
 * every colour means (and the figures spelled out); one channel over the whole file in its unit,
 * the training rows on grey; then one {@link ScorePanel} per detector. Every panel shares the
 * clock-time axis (UTC, as the file's datetimes are), shades the labelled anomalies red and leaves
 * the recorder's pauses blank.
 */
public final class FilePlot {

  static final Color LABELLED = new Color(230, 60, 60, 55);
  static final Color TRAIN = new Color(0, 0, 0, 18);
  static final Color SIGNAL = new Color(40, 90, 170);

  static final int WIDTH = 1200;
  static final int LEFT = 80;
  static final int RIGHT = 40;
  static final int HEADER = 80;
  static final int TITLE_H = 22;
  static final int TICKS_H = 22;
  static final int SIGNAL_H = 130;
  static final int SCORE_H = 110;
  static final int LANE_H = 16;

  private FilePlot() {}

  /**
   * @param results this file's results, one per detector
   * @param channel the channel drawn on top (the first channel when absent from the file)
   * @param trainRows how many leading rows trained the models
   */
  public static void write(Path png, SkabFile file, List<FileResult> results, String channel,
      int trainRows) throws IOException {
    BufferedImage image = draw(file, results, channel, trainRows);
    Files.createDirectories(png.getParent());
    ImageIO.write(image, "png", png.toFile());
  }

  static BufferedImage draw(SkabFile file, List<FileResult> results, String channel,
      int trainRows) {
    int height = scoreArea(results.size()).y - TITLE_H + 16;
    BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = Panel.blank(image);
    double[] t = seconds(file.tsMs());
    int train = Math.min(trainRows, t.length);
    TimeAxis axis = TimeAxis.of(t[0], t[t.length - 1], WIDTH - LEFT - RIGHT);
    Gaps gaps = Gaps.of(t); // one file's pauses, for every panel of its picture
    FileHeader.draw(g, file, train, gaps.periodS(), WIDTH);
    drawSignal(g, file, channel, train, t, gaps, axis);
    for (int d = 0; d < results.size(); d++) {
      new ScorePanel(g, scoreArea(d), laneArea(d), file, t, gaps, axis).draw(results.get(d));
    }
    g.setFont(Panel.SMALL);
    g.setColor(Panel.AXIS);
    String title = axis.title();
    g.drawString(title, LEFT + (WIDTH - LEFT - RIGHT - g.getFontMetrics().stringWidth(title)) / 2,
        height - 6);
    g.dispose();
    return image;
  }

  private static void drawSignal(Graphics2D g, SkabFile file, String channel, int train,
      double[] t, Gaps gaps, TimeAxis axis) {
    int c = Math.max(0, file.channels().indexOf(channel));
    double[] signal = file.values()[c];
    double lo = java.util.Arrays.stream(signal).filter(v -> !Double.isNaN(v)).min().orElse(0);
    double hi = java.util.Arrays.stream(signal).filter(v -> !Double.isNaN(v)).max().orElse(1);
    double pad = hi > lo ? 0.06 * (hi - lo) : 0.5;
    Panel p = new Panel(g, signalArea(), t[0], t[t.length - 1], lo - pad, hi + pad);
    shadeContext(p, file, t, train);
    p.timeTicks(axis, true);
    p.valueTicks(ValueTicks.of(lo - pad, hi + pad, 5));
    p.line(t, signal, gaps.joinLimitS(), SIGNAL, 1f);
    labelGaps(p, gaps);
    p.frame();
    p.title(ChannelUnits.label(file.channels().get(c)));
  }

  /** Writes each pause's length inside it, near the bottom, where it fits. */
  private static void labelGaps(Panel p, Gaps gaps) {
    Graphics2D g = p.graphics();
    g.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 10));
    g.setColor(Panel.AXIS);
    for (double[] span : gaps.spans()) {
      String s = String.format(Locale.ROOT, "no data %.0f s", span[1] - span[0]);
      int w = g.getFontMetrics().stringWidth(s);
      int room = p.px(span[1]) - p.px(span[0]);
      if (w + 4 > room) {
        s = String.format(Locale.ROOT, "%.0f s", span[1] - span[0]);
        w = g.getFontMetrics().stringWidth(s);
      }
      if (w + 4 <= room) {
        g.drawString(s, (p.px(span[0]) + p.px(span[1]) - w) / 2,
            p.area().y + p.area().height - 5);
      }
    }
  }

  /** Shades the training rows grey and the labelled anomalies red. */
  static void shadeContext(Panel p, SkabFile file, double[] t, int train) {
    if (train > 0) {
      p.shade(t[0], t[train - 1], TRAIN);
    }
    int[] labels = file.anomaly();
    int i = 0;
    while (i < labels.length) {
      if (labels[i] == 0) {
        i++;
        continue;
      }
      int start = i;
      while (i < labels.length && labels[i] == 1) {
        i++;
      }
      p.shade(t[start], i < t.length ? t[i] : t[t.length - 1], LABELLED);
    }
  }

  static Rectangle signalArea() {
    return new Rectangle(LEFT, HEADER + TITLE_H, WIDTH - LEFT - RIGHT, SIGNAL_H);
  }

  /** The score area of detector {@code d}; one past the last gives the picture's end. */
  static Rectangle scoreArea(int d) {
    int block = TITLE_H + SCORE_H + 2 + LANE_H + TICKS_H;
    int top = HEADER + TITLE_H + SIGNAL_H + TICKS_H + d * block + TITLE_H;
    return new Rectangle(LEFT, top, WIDTH - LEFT - RIGHT, SCORE_H);
  }

  /** The alarm lane under detector {@code d}'s scores. */
  static Rectangle laneArea(int d) {
    Rectangle s = scoreArea(d);
    return new Rectangle(LEFT, s.y + s.height + 2, s.width, LANE_H);
  }

  /** The rows' times as epoch seconds (the x of every panel). */
  static double[] seconds(long[] tsMs) {
    double[] t = new double[tsMs.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = tsMs[i] / 1000.0;
    }
    return t;
  }
}
