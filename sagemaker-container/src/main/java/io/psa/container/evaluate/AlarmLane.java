package io.psa.container.evaluate;

import io.psa.model.Episode;
import io.psa.model.evaluation.FileResult;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.List;

/**
 * The strip under a detector's scores: the test rows it alarmed on (orange, broken at the
 * recorder's pauses), its episodes outlined with the channels that drove them, and the clock-time
 * labels under it.
 */
final class AlarmLane {

  static final Color ALARM = new Color(245, 150, 20);
  static final Color EPISODE = new Color(110, 55, 0);

  private final Panel lane;
  private final Graphics2D g;
  private final Rectangle area;
  private final Gaps gaps;

  /** @param lane the strip, x in epoch seconds, y unused */
  AlarmLane(Panel lane, Gaps gaps) {
    this.lane = lane;
    this.g = lane.graphics();
    this.area = lane.area();
    this.gaps = gaps;
  }

  /** @param testT the test rows' times, epoch seconds, one per prediction */
  void draw(FileResult r, double[] testT, TimeAxis axis) {
    lane.timeTicks(axis, true);
    double[] on = new double[r.predictions().length];
    for (int i = 0; i < on.length; i++) {
      on[i] = r.predictions()[i] == 1 ? 1 : Double.NaN;
    }
    g.setColor(ALARM);
    for (int[] run : Panel.runs(testT, on, gaps.joinLimitS())) {
      int x0 = lane.px(testT[run[0]]);
      int x1 = lane.px(testT[run[1] - 1] + gaps.periodS());
      g.fillRect(x0, area.y + 1, Math.max(1, x1 - x0), area.height - 1);
    }
    for (Episode e : r.episodes()) {
      outline(e);
    }
    lane.frame();
    g.setFont(ScorePanel.NOTE);
    g.setColor(Panel.AXIS);
    g.drawString("alarms", area.x - g.getFontMetrics().stringWidth("alarms") - 5,
        area.y + area.height - 4);
  }

  private void outline(Episode e) {
    int x0 = lane.px(e.startTsMs() / 1000.0);
    int x1 = Math.max(x0 + 2, lane.px(e.endTsMs() / 1000.0));
    g.setColor(EPISODE);
    g.drawRect(x0, area.y, x1 - x0, area.height);
    g.setFont(ScorePanel.NOTE);
    g.drawString(channels(e.channels(), g.getFontMetrics(), x1 - x0 - 6), x0 + 3,
        area.y + area.height - 4);
  }

  /** As many of the channels as fit the width, {@code Current, Pressure +2}; "" if none fits. */
  static String channels(List<String> channels, FontMetrics fm, int width) {
    for (int k = channels.size(); k > 0; k--) {
      String s = String.join(", ", channels.subList(0, k))
          + (k < channels.size() ? " +" + (channels.size() - k) : "");
      if (fm.stringWidth(s) <= width) {
        return s;
      }
    }
    return "";
  }
}
