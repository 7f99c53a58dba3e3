package io.psa.container.evaluate;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * One plotting area of a picture: a pixel rectangle with data ranges on both axes, and the few
 * drawing operations the evaluation pictures need (a line that breaks at gaps, shaded x
 * intervals, a horizontal reference, clock-time and value ticks, a frame, a title). Plain Java2D.
 */
final class Panel {

  static final Color AXIS = new Color(90, 90, 90);
  static final Color GRID = new Color(228, 228, 228);
  static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);

  private final Graphics2D g;
  private final Rectangle area;
  private final double x0;
  private final double x1;
  private final double y0;
  private final double y1;

  Panel(Graphics2D g, Rectangle area, double x0, double x1, double y0, double y1) {
    this.g = g;
    this.area = area;
    this.x0 = x0;
    this.x1 = x1 > x0 ? x1 : x0 + 1;
    this.y0 = y0;
    this.y1 = y1 > y0 ? y1 : y0 + 1;
  }

  /** A graphics on {@code image}, painted white, that smooths lines and text. */
  static Graphics2D blank(BufferedImage image) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    return g;
  }

  Rectangle area() {
    return area;
  }

  Graphics2D graphics() {
    return g;
  }

  double pxExact(double x) {
    return area.x + (x - x0) / (x1 - x0) * area.width;
  }

  int px(double x) {
    return (int) Math.round(pxExact(x));
  }

  /** The pixel row of {@code y}, held inside the panel (callers mark what lies outside). */
  int py(double y) {
    double clamped = Math.max(y0, Math.min(y1, y));
    return area.y + area.height - (int) Math.round((clamped - y0) / (y1 - y0) * area.height);
  }

  /** Fills the x interval {@code [from, to)} over the whole panel height. */
  void shade(double from, double to, Color color) {
    g.setColor(color);
    g.fillRect(px(from), area.y, Math.max(1, px(to) - px(from)), area.height);
  }

  /**
   * A line through {@code (xs[i], ys[i])} that is not drawn across a NaN or between two points
   * more than {@code maxStep} apart in x, so a pause of the recorder shows as a gap; a point alone
   * between two gaps is drawn as a dot.
   */
  void line(double[] xs, double[] ys, double maxStep, Color color, float widthPx) {
    g.setColor(color);
    g.setStroke(new BasicStroke(widthPx, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    for (int[] run : runs(xs, ys, maxStep)) {
      if (run[1] - run[0] == 1) {
        double r = widthPx + 0.5;
        g.fill(new Ellipse2D.Double(pxExact(xs[run[0]]) - r, py(ys[run[0]]) - r, 2 * r, 2 * r));
        continue;
      }
      Path2D.Double path = new Path2D.Double();
      path.moveTo(pxExact(xs[run[0]]), py(ys[run[0]]));
      for (int i = run[0] + 1; i < run[1]; i++) {
        path.lineTo(pxExact(xs[i]), py(ys[i]));
      }
      g.draw(path);
    }
  }

  /** The index ranges {@code [from, to)} of points a line joins: no NaN, no step over maxStep. */
  static List<int[]> runs(double[] xs, double[] ys, double maxStep) {
    List<int[]> out = new ArrayList<>();
    int from = -1;
    for (int i = 0; i <= xs.length; i++) {
      boolean point = i < xs.length && !Double.isNaN(ys[i]);
      boolean joined = point && from >= 0 && xs[i] - xs[i - 1] <= maxStep;
      if (from >= 0 && !joined) {
        out.add(new int[] {from, i});
        from = -1;
      }
      if (point && from < 0) {
        from = i;
      }
    }
    return out;
  }

  /** A dashed horizontal line at {@code y} with a label at its right end. */
  void horizontal(double y, Color color, String label) {
    g.setColor(color);
    g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
        new float[] {6, 4}, 0));
    g.drawLine(area.x, py(y), area.x + area.width, py(y));
    g.setFont(SMALL);
    int w = g.getFontMetrics().stringWidth(label);
    int x = area.x + area.width - w - 4;
    // on a white ground, so that a score passing under it does not blot it out
    g.setColor(new Color(255, 255, 255, 210));
    g.fillRect(x - 2, py(y) - 14, w + 4, 12);
    g.setColor(color);
    g.drawString(label, x, py(y) - 3);
  }

  /** Vertical grid lines at the clock-time ticks, labelled under the panel when asked. */
  void timeTicks(TimeAxis axis, boolean labels) {
    g.setStroke(new BasicStroke(1f));
    g.setFont(SMALL);
    for (double t : axis.ticks()) {
      g.setColor(GRID);
      g.drawLine(px(t), area.y + 1, px(t), area.y + area.height - 1);
      if (labels) {
        String s = axis.label(t);
        g.setColor(AXIS);
        g.drawString(s, px(t) - g.getFontMetrics().stringWidth(s) / 2, area.y + area.height + 14);
      }
    }
  }

  /** Horizontal grid lines at the ticks, labelled left of the panel. */
  void valueTicks(ValueTicks ticks) {
    g.setStroke(new BasicStroke(1f));
    g.setFont(SMALL);
    for (double v : ticks.values()) {
      g.setColor(GRID);
      g.drawLine(area.x + 1, py(v), area.x + area.width - 1, py(v));
      String s = ticks.label(v);
      g.setColor(AXIS);
      g.drawString(s, area.x - g.getFontMetrics().stringWidth(s) - 5, py(v) + 4);
    }
  }

  void frame() {
    g.setStroke(new BasicStroke(1f));
    g.setColor(AXIS);
    g.drawRect(area.x, area.y, area.width, area.height);
  }

  /** Text above the panel's top-left corner. */
  void title(String text) {
    g.setFont(TITLE);
    g.setColor(Color.BLACK);
    g.drawString(text, area.x, area.y - 6);
  }
}
