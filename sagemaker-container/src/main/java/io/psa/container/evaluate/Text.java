package io.psa.container.evaluate;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;

/** Text that must fit: words wrapped into lines no wider than the room they have. */
final class Text {

  private Text() {}

  /** The words of {@code text} in lines at most {@code width} wide (a longer word stands alone). */
  static List<String> wrap(String text, FontMetrics fm, int width) {
    List<String> lines = new ArrayList<>();
    String line = "";
    for (String word : text.split(" ")) {
      String longer = line.isEmpty() ? word : line + " " + word;
      if (!line.isEmpty() && fm.stringWidth(longer) > width) {
        lines.add(line);
        line = word;
      } else {
        line = longer;
      }
    }
    lines.add(line);
    return lines;
  }

  /**
   * Draws {@code text} wrapped to {@code width} in the current font and colour, the first baseline
   * at {@code y}; returns the baseline the next line would take.
   */
  static int paragraph(Graphics2D g, String text, int x, int y, int width, int lineHeight) {
    int at = y;
    for (String line : wrap(text, g.getFontMetrics(), width)) {
      g.drawString(line, x, at);
      at += lineHeight;
    }
    return at;
  }
}
