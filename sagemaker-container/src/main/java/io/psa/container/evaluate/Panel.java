package io.psa.container.evaluate;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;

/**
 * One plotting area of a picture: a pixel rectangle with data ranges on both axes, and the few
 * drawing operations the evaluation pictures need (a line, shaded x intervals, a horizontal
 * reference, axes with labels). Plain Java2D.
 */
final class Panel {

  static final Color AXIS = new Color(90, 90, 90);
  static final Color GRID = new Color(230, 230, 230);
  static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);

  private final Graphics2D g;
  private final int left;
  private final int top;
  private final int width;
  private final int height;
  private final double x0;
  private final double x1;
  private final double y0;
  private final double y1;

  Panel(Graphics2D g, int left, int top, int width, int height,
      double x0, double x1, double y0, double y1) {
    this.g = g;
    this.left = left;
    this.top = top;
    this.width = width;
    this.height = height;
    this.x0 = x0;
    this.x1 = x1 > x0 ? x1 : x0 + 1;
    this.y0 = y0;
    this.y1 = y1 > y0 ? y1 : y0 + 1;
  }

  int px(double x) {
    return left + (int) Math.round((x - x0) / (x1 - x0) * width);
  }

  int py(double y) {
    double clamped = Math.max(y0, Math.min(y1, y));
    return top + height - (int) Math.round((clamped - y0) / (y1 - y0) * height);
  }

  /** Fills the x interval {@code [from, to)} over the whole panel height. */
  void shade(double from, double to, Color color) {
    g.setColor(color);
    g.fillRect(px(from), top, Math.max(1, px(to) - px(from)), height);
  }

  /** A polyline through {@code (xs[i], ys[i])}. */
  void line(double[] xs, double[] ys, Color color, float widthPx) {
    if (xs.length == 0) {
      return;
    }
    Path2D.Double path = new Path2D.Double();
    path.moveTo(px(xs[0]), py(ys[0]));
    for (int i = 1; i < xs.length; i++) {
      path.lineTo(px(xs[i]), py(ys[i]));
    }
    g.setColor(color);
    g.setStroke(new BasicStroke(widthPx));
    g.draw(path);
  }

  /** A dashed horizontal line at {@code y} with a label at its right end. */
  void horizontal(double y, Color color, String label) {
    g.setColor(color);
    g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
        new float[] {6, 4}, 0));
    g.drawLine(left, py(y), left + width, py(y));
    g.setFont(SMALL);
    g.drawString(label, left + width - g.getFontMetrics().stringWidth(label) - 4, py(y) - 3);
  }

  /** Frame, a title above, y ticks at the range ends and x ticks every {@code xStep} (none if 0). */
  void axes(String title, String yFormat, double xStep) {
    g.setStroke(new BasicStroke(1f));
    g.setFont(SMALL);
    for (double x = Math.ceil(x0 / xStep) * xStep; xStep > 0 && x <= x1; x += xStep) {
      g.setColor(GRID);
      g.drawLine(px(x), top, px(x), top + height);
      g.setColor(AXIS);
      String s = String.format("%.0f", x);
      g.drawString(s, px(x) - g.getFontMetrics().stringWidth(s) / 2, top + height + 13);
    }
    g.setColor(AXIS);
    g.drawRect(left, top, width, height);
    for (double y : new double[] {y0, y1}) {
      String s = String.format(yFormat, y);
      g.drawString(s, left - g.getFontMetrics().stringWidth(s) - 4, py(y) + 4);
    }
    g.setFont(TITLE);
    g.setColor(Color.BLACK);
    g.drawString(title, left, top - 6);
  }
}
