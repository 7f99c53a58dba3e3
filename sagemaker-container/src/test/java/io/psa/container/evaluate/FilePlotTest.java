package io.psa.container.evaluate;

import static io.psa.container.evaluate.PlotFixtures.PAUSE_AFTER;
import static io.psa.container.evaluate.PlotFixtures.TRAIN;
import static io.psa.container.evaluate.PlotFixtures.column;
import static io.psa.container.evaluate.PlotFixtures.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.psa.model.evaluation.FileResult;
import io.psa.model.evaluation.SkabFile;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The picture of one file, read back pixel by pixel. */
class FilePlotTest {

  private static final SkabFile FILE = PlotFixtures.file("valve1", "2", true);
  private static final FileResult CLIPPED =
      PlotFixtures.result(FILE, "pca", 1, PlotFixtures.scores(300, 310, 40));
  private static final FileResult WITHIN =
      PlotFixtures.result(FILE, "lstm", 1, PlotFixtures.scores(300, 310, 2.5));

  @Test
  void is_written_as_a_png_1200_px_wide_one_block_per_detector(@TempDir Path dir)
      throws IOException {
    Path one = dir.resolve("plots").resolve("one.png");
    Path two = dir.resolve("plots").resolve("two.png");

    FilePlot.write(one, FILE, List.of(CLIPPED), "Pressure", TRAIN);
    FilePlot.write(two, FILE, List.of(CLIPPED, WITHIN), "Pressure", TRAIN);

    BufferedImage a = ImageIO.read(one.toFile());
    BufferedImage b = ImageIO.read(two.toFile());
    assertThat(a.getWidth()).isEqualTo(1200);
    assertThat(b.getWidth()).isEqualTo(1200);
    int block = FilePlot.scoreArea(1).y - FilePlot.scoreArea(0).y;
    assertThat(b.getHeight() - a.getHeight()).isEqualTo(block);
    assertThat(a.getHeight()).isGreaterThan(FilePlot.laneArea(0).y + FilePlot.LANE_H);
  }

  @Test
  void a_pause_of_the_recorder_leaves_the_background_between_its_two_sides() {
    BufferedImage image = FilePlot.draw(FILE, List.of(WITHIN), "Pressure", TRAIN);
    Rectangle signal = FilePlot.signalArea();
    Rectangle scores = FilePlot.scoreArea(0);
    int inPause = column(FILE, signal, PAUSE_AFTER + 0.5);
    int before = column(FILE, signal, PAUSE_AFTER - 20);
    int upperSignal = signal.y + signal.height * 3 / 4; // the pause's length is written below

    assertThat(count(image, inPause, signal.y + 1, upperSignal, PlotFixtures::signalBlue))
        .isZero();
    assertThat(count(image, before, signal.y + 1, upperSignal, PlotFixtures::signalBlue))
        .isPositive();
    assertThat(count(image, inPause, scores.y + 1, scores.y + scores.height,
        PlotFixtures::scoreGrey)).isZero();
    assertThat(count(image, before, scores.y + 1, scores.y + scores.height,
        PlotFixtures::scoreGrey)).isPositive();
  }

  @Test
  void a_score_above_the_axis_is_marked_along_the_top_edge_over_its_stretch() {
    BufferedImage image = FilePlot.draw(FILE, List.of(CLIPPED, WITHIN), "Pressure", TRAIN);
    int mark = ScorePanel.CLIPPED.getRGB() & 0xFFFFFF;
    Rectangle clipped = FilePlot.scoreArea(0);
    Rectangle within = FilePlot.scoreArea(1);
    int spike = column(FILE, clipped, TRAIN + 305);
    int calm = column(FILE, clipped, TRAIN + 250);

    assertThat(count(image, spike, clipped.y + 1, clipped.y + 4, rgb -> rgb == mark))
        .isEqualTo(3);
    assertThat(count(image, calm, clipped.y + 1, clipped.y + 4, rgb -> rgb == mark)).isZero();
    // 2.5 thresholds fit the axis: nothing is marked, the line reaches up to it instead
    assertThat(count(image, spike, within.y + 1, within.y + within.height, rgb -> rgb == mark))
        .isZero();
  }

  @Test
  void a_file_that_could_not_be_evaluated_draws_without_scores() {
    double[] none = new double[PlotFixtures.ROWS - TRAIN];
    java.util.Arrays.fill(none, Double.NaN);
    FileResult failed = new FileResult(FILE, "pca", 1, CLIPPED.testDatetimes(),
        CLIPPED.labels(), new int[none.length], none, List.of(), CLIPPED.counts(), 0, null,
        "too short");

    BufferedImage image = FilePlot.draw(FILE, List.of(failed), "Pressure", TRAIN);

    Rectangle scores = FilePlot.scoreArea(0);
    int x = column(FILE, scores, TRAIN + 250);
    assertThat(count(image, x, scores.y + 1, scores.y + scores.height, PlotFixtures::scoreGrey))
        .isZero();
    assertThat(ScorePanel.title(failed, List.of())).contains("not evaluated").contains("too short");
  }
}
