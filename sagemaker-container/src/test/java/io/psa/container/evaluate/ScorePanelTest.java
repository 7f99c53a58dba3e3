package io.psa.container.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.psa.model.evaluation.FileResult;
import io.psa.model.evaluation.SkabFile;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a detector's panel writes: its figures in its title, the drivers of its episodes. */
class ScorePanelTest {

  @Test
  void a_labelled_file_reads_f1_far_and_mar_episodes_and_the_peak_above_the_axis() {
    SkabFile file = PlotFixtures.file("valve1", "1", true);
    double[] scores = PlotFixtures.scores(300, 310, 40);
    FileResult r = PlotFixtures.result(file, "pca", 1, scores);

    String title = ScorePanel.title(r, ScoreScale.fit(scores).clips(scores));

    assertThat(title).startsWith("pca").contains(String.format(java.util.Locale.ROOT,
        "F1 %.3f   FAR %.1f %%   MAR %.1f %%", r.counts().f1(), 100 * r.counts().far(),
        100 * r.counts().mar()));
    assertThat(title).contains("1 alarm episode").contains("peak score 40.0, above the axis");
  }

  @Test
  void an_anomaly_free_piece_reads_its_false_alarm_rate_only() {
    SkabFile piece = PlotFixtures.file("anomaly-free", "3", false);
    double[] scores = PlotFixtures.scores(300, 310, 2);
    FileResult r = PlotFixtures.result(piece, "lstm", 0, scores);

    String title = ScorePanel.title(r, List.of());

    assertThat(r.counts().far()).isPositive();
    assertThat(title).contains(String.format(java.util.Locale.ROOT, "FAR %.1f %%",
        100 * r.counts().far())).contains("no labelled anomaly").doesNotContain("F1 0")
        .doesNotContain("MAR 0").doesNotContain("peak");
  }

  @Test
  void an_episode_names_as_many_of_its_channels_as_fit_and_counts_the_rest() {
    FontMetrics fm = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics()
        .getFontMetrics(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    List<String> channels = List.of("Voltage", "Current", "Pressure");
    int two = fm.stringWidth("Voltage, Current +1");

    assertThat(AlarmLane.channels(channels, fm, 1000)).isEqualTo("Voltage, Current, Pressure");
    assertThat(AlarmLane.channels(channels, fm, two)).isEqualTo("Voltage, Current +1");
    assertThat(AlarmLane.channels(channels, fm, 5)).isEmpty();
  }
}
