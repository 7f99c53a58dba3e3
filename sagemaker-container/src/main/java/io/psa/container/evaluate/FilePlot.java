package io.psa.container.evaluate;

import io.psa.model.evaluation.Counts;
import io.psa.model.evaluation.FileResult;
import io.psa.model.evaluation.SkabFile;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The picture of one file: on top the chosen signal over the whole file, the training part on grey;
 * below, one panel per detector with the score of each test row, the threshold (dashed) and its
 * alarms (orange strip at the bottom). Scores are drawn relative to the training windows: their
 * median at 0 and the alarm threshold at 1, cut off at {@value #TOP}, so every panel reads alike.
 * Labelled anomaly intervals are shaded red in every panel; the x axis is seconds from the file's
 * first row.
 */
public final class FilePlot {

  static final Color LABELLED = new Color(230, 60, 60, 55);
  static final Color TRAIN = new Color(0, 0, 0, 18);
  static final Color ALARM = new Color(245, 150, 20);
  static final Color SIGNAL = new Color(40, 90, 170);
  static final Color THRESHOLD = new Color(200, 30, 30);

  /** Scores above this many thresholds are drawn at the top edge. */
  static final double TOP = 3;

  private static final int WIDTH = 1200;
  private static final int LEFT = 70;
  private static final int PANEL_H = 130;
  private static final int GAP = 42;

  private FilePlot() {}

  /**
   * @param results this file's results, one per detector
   * @param channel the channel drawn on top (the first channel when absent from the file)
   * @param trainRows how many leading rows trained the models
   */
  public static void write(Path png, SkabFile file, List<FileResult> results, String channel,
      int trainRows) throws IOException {
    int height = GAP + (results.size() + 1) * (PANEL_H + GAP);
    BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, height);
    double[] t = seconds(file.tsMs());
    int c = Math.max(0, file.channels().indexOf(channel));
    double[] signal = file.values()[c];
    Panel top = new Panel(g, LEFT, GAP, WIDTH - LEFT - 30, PANEL_H, t[0], t[t.length - 1],
        min(signal), max(signal));
    top.shade(t[0], t[trainRows - 1], TRAIN);
    shadeLabels(top, file.anomaly(), t, 0);
    top.line(t, signal, SIGNAL, 1f);
    top.axes(file.id() + "  " + file.channels().get(c) + "  (grey: training rows, red: labelled"
        + " anomaly)", "%.2f", 100);
    double[] testT = java.util.Arrays.copyOfRange(t, trainRows, t.length);
    for (int d = 0; d < results.size(); d++) {
      FileResult r = results.get(d);
      Panel p = new Panel(g, LEFT, GAP + (d + 1) * (PANEL_H + GAP), WIDTH - LEFT - 30, PANEL_H,
          t[0], t[t.length - 1], 0, TOP);
      shadeLabels(p, file.anomaly(), t, 0);
      for (int i = 0; i < r.predictions().length; i++) {
        if (r.predictions()[i] == 1) {
          g.setColor(ALARM);
          g.fillRect(p.px(testT[i]), p.py(0.06 * TOP),
              Math.max(1, p.px(testT[i] + 1) - p.px(testT[i])), p.py(0) - p.py(0.06 * TOP));
        }
      }
      p.line(testT, r.scores(), Color.DARK_GRAY, 1.2f);
      p.horizontal(1, THRESHOLD, "threshold");
      Counts k = r.counts();
      p.axes(String.format("%s  score / threshold (training median = 0)  F1 %.3f  FAR %.1f %%"
          + "  MAR %.1f %%  (orange: alarms)", r.detector(), k.f1(), 100 * k.far(), 100 * k.mar()),
          "%.1f", 100);
    }
    g.dispose();
    Files.createDirectories(png.getParent());
    ImageIO.write(image, "png", png.toFile());
  }

  private static void shadeLabels(Panel p, int[] labels, double[] t, int from) {
    int i = from;
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

  static double[] seconds(long[] tsMs) {
    double[] t = new double[tsMs.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = (tsMs[i] - tsMs[0]) / 1000.0;
    }
    return t;
  }

  private static double min(double[] v) {
    return java.util.Arrays.stream(v).min().orElse(0);
  }

  private static double max(double[] v) {
    return java.util.Arrays.stream(v).max().orElse(1);
  }
}
