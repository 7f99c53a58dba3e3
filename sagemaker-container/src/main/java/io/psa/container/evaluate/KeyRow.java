package io.psa.container.evaluate;

import java.awt.Color;
import java.awt.Graphics2D;
import java.util.List;

/** A row of key entries, each a small picture in a 14 × 10 px box followed by its words. */
final class KeyRow {

  /** Draws an entry's picture in the 14 × 10 px box whose top-left corner is {@code (x, y)}. */
  interface Swatch {
    void draw(Graphics2D g, int x, int y);
  }

  record Entry(Swatch swatch, String text) {}

  private KeyRow() {}

  /** A box filled with {@code color}. */
  static Swatch box(Color color) {
    return (g, x, y) -> {
      g.setColor(color);
      g.fillRect(x, y, 14, 10);
      g.setColor(Panel.GRID);
      g.drawRect(x, y, 14, 10);
    };
  }

  /**
   * Draws the entries left to right from {@code x}, their words on {@code baseline} in the current
   * font; returns where a next entry would start.
   */
  static int draw(Graphics2D g, List<Entry> entries, int x, int baseline) {
    int at = x;
    for (Entry e : entries) {
      e.swatch().draw(g, at, baseline - 9);
      g.setColor(Color.BLACK);
      g.drawString(e.text(), at + 18, baseline);
      at += 18 + g.getFontMetrics().stringWidth(e.text()) + 16;
    }
    return at;
  }
}
