package io.psa.container.evaluate;

import io.psa.model.evaluation.Counts;
import io.psa.model.evaluation.FileResult;
import io.psa.model.evaluation.SkabFile;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One detector's part of a file's picture: its score per test row against the alarm threshold
 * (scale and clipping: {@link ScoreScale}), its figures in the title, and under it its
 * {@link AlarmLane}.
 */
final class ScorePanel {

  static final Color SCORE = new Color(60, 60, 60);
  static final Color THRESHOLD = new Color(200, 30, 30);
  static final Color CLIPPED = new Color(140, 30, 170);
  static final Font NOTE = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
  /** Clipped stretches closer than this share one peak mark. */
  static final int MERGE_PX = 40;

  private final Graphics2D g;
  private final Rectangle scoreArea;
  private final Rectangle laneArea;
  private final SkabFile file;
  private final double[] t;
  private final TimeAxis axis;
  private final Gaps gaps;

  ScorePanel(Graphics2D g, Rectangle scoreArea, Rectangle laneArea, SkabFile file, double[] t,
      Gaps gaps, TimeAxis axis) {
    this.g = g;
    this.scoreArea = scoreArea;
    this.laneArea = laneArea;
    this.file = file;
    this.t = t;
    this.axis = axis;
    this.gaps = gaps;
  }

  void draw(FileResult r) {
    double[] scores = r.scores();
    int from = t.length - scores.length;
    double[] testT = Arrays.copyOfRange(t, from, t.length);
    ScoreScale scale = ScoreScale.fit(scores);
    Panel p = new Panel(g, scoreArea, t[0], t[t.length - 1], scale.bottom(), scale.top());
    FilePlot.shadeContext(p, file, t, from);
    p.timeTicks(axis, false);
    // a tick at every whole threshold
    p.valueTicks(ValueTicks.of(scale.bottom(), scale.top(),
        (int) Math.ceil(scale.top() - scale.bottom()) + 1));
    if (from > 0) {
      note(p, t[0], t[from - 1], "training rows: no scores");
    }
    p.horizontal(1, THRESHOLD, "alarm threshold");
    p.line(testT, scores, gaps.joinLimitS(), SCORE, 1.2f);
    List<ScoreScale.Clip> clips = scale.clips(scores);
    markClips(p, testT, scores, scale.top(), clips);
    p.frame();
    p.title(title(r, clips));
    Panel lane = new Panel(g, laneArea, t[0], t[t.length - 1], 0, 1);
    new AlarmLane(lane, gaps).draw(r, testT, axis);
  }

  /** {@code pca · F1 0.863 FAR 8.7 % MAR 18.4 % · 2 alarm episodes · peak score 26.1, ...}. */
  static String title(FileResult r, List<ScoreScale.Clip> clips) {
    if (r.failure() != null) {
      return r.detector() + "   ·   not evaluated, every row counted normal: " + r.failure();
    }
    Counts k = r.counts();
    String figures = k.tp() + k.fn() == 0
        ? String.format(Locale.ROOT, "FAR %.1f %%   (no labelled anomaly: F1, MAR do not apply)",
            100 * k.far())
        : String.format(Locale.ROOT, "F1 %.3f   FAR %.1f %%   MAR %.1f %%", k.f1(),
            100 * k.far(), 100 * k.mar());
    int n = r.episodes().size();
    String title = r.detector() + "   ·   " + figures + "   ·   " + n + " alarm episode"
        + (n == 1 ? "" : "s");
    double peak = clips.stream().mapToDouble(ScoreScale.Clip::max).max().orElse(Double.NaN);
    return Double.isNaN(peak) ? title
        : title + "   ·   peak score " + ScoreScale.format(peak) + ", above the axis";
  }

  /** A bar along the top edge over every clipped stretch, a triangle and the value at its peak. */
  private void markClips(Panel p, double[] x, double[] scores, double top,
      List<ScoreScale.Clip> clips) {
    double[] over = new double[scores.length];
    for (int i = 0; i < scores.length; i++) {
      over[i] = scores[i] > top ? scores[i] : Double.NaN;
    }
    g.setColor(CLIPPED);
    for (int[] run : Panel.runs(x, over, gaps.joinLimitS())) {
      int x0 = p.px(x[run[0]]);
      int x1 = p.px(x[run[1] - 1]);
      g.fillRect(x0 - 1, scoreArea.y, Math.max(3, x1 - x0 + 2), 4);
    }
    g.setFont(NOTE);
    int labelEnd = Integer.MIN_VALUE;
    for (ScoreScale.Clip c : merged(p, x, clips)) {
      int px = p.px(x[c.peak()]);
      triangle(g, px, scoreArea.y + 6);
      String s = c.label();
      int w = g.getFontMetrics().stringWidth(s);
      int lx = Math.min(px + 7, scoreArea.x + scoreArea.width - w - 3);
      if (lx > labelEnd + 6) {
        g.setColor(new Color(255, 255, 255, 200));
        g.fillRect(lx - 1, scoreArea.y + 6, w + 2, 12);
        g.setColor(CLIPPED);
        g.drawString(s, lx, scoreArea.y + 16);
        labelEnd = lx + w;
      }
    }
  }

  /**
   * The clipped stretches with those less than {@value #MERGE_PX} px apart taken together (a score
   * that dips under the top for a moment makes one peak, not many).
   */
  private static List<ScoreScale.Clip> merged(Panel p, double[] x, List<ScoreScale.Clip> clips) {
    List<ScoreScale.Clip> out = new ArrayList<>();
    for (ScoreScale.Clip c : clips) {
      ScoreScale.Clip last = out.isEmpty() ? null : out.getLast();
      if (last != null && p.px(x[c.from()]) - p.px(x[last.to() - 1]) < MERGE_PX) {
        boolean higher = c.max() > last.max();
        out.set(out.size() - 1, new ScoreScale.Clip(last.from(), c.to(),
            higher ? c.peak() : last.peak(), Math.max(c.max(), last.max())));
      } else {
        out.add(c);
      }
    }
    return out;
  }

  /** An upward triangle, apex at {@code (cx, y)}: a score above the top of the axis. */
  static void triangle(Graphics2D g, int cx, int y) {
    g.setColor(CLIPPED);
    g.fillPolygon(new Polygon(new int[] {cx - 5, cx, cx + 5}, new int[] {y + 8, y, y + 8}, 3));
  }

  /** Small grey text in the middle of {@code [from, to]}, near the top, when it fits. */
  private void note(Panel p, double from, double to, String text) {
    g.setFont(NOTE);
    g.setColor(Panel.AXIS);
    int w = g.getFontMetrics().stringWidth(text);
    if (w + 8 <= p.px(to) - p.px(from)) {
      g.drawString(text, (p.px(from) + p.px(to) - w) / 2, scoreArea.y + 16);
    }
  }
}
