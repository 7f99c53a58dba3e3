package io.psa.container.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.psa.model.evaluation.FileResult;
import io.psa.model.evaluation.SkabConfig;
import io.psa.model.evaluation.SkabFile;
import io.psa.model.evaluation.SkabReport;
import java.awt.FontMetrics;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary page of a run of one detector over two labelled files and one anomaly-free piece. */
class SummaryPlotTest {

  @TempDir static Path dir;
  static SkabReport report;

  @BeforeAll
  static void report() throws IOException {
    SkabConfig config = SkabConfig.load(TinySkab.config(dir, "[{\"name\": \"pca\"}]").toString());
    List<FileResult> results = new ArrayList<>();
    SkabFile first = PlotFixtures.file("valve1", "0", true);
    SkabFile second = PlotFixtures.file("valve1", "1", true);
    SkabFile piece = PlotFixtures.file("anomaly-free", "0", false);
    results.add(PlotFixtures.result(first, "pca", 1, PlotFixtures.scores(300, 390, 3)));
    results.add(PlotFixtures.result(second, "pca", 2, PlotFixtures.scores(320, 400, 3)));
    results.add(PlotFixtures.result(piece, "pca", 0, PlotFixtures.scores(100, 130, 3)));
    report = new SkabReport(config, results, 1.0);
  }

  @Test
  void the_title_says_which_settings_and_what_the_files_are() {
    assertThat(SummaryPlot.title(report)).contains("settings tiny (version 1)")
        .contains("2 labelled files (valve1) + 1 anomaly-free piece");
  }

  @Test
  void every_name_under_the_bars_fits_its_group() {
    FontMetrics fm = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics()
        .getFontMetrics(SummaryPlot.LABEL_OURS);
    List<String> names = new ArrayList<>(List.of("isolation_forest", "autoencoder"));
    SummaryRow.LEADERBOARD.forEach(r -> names.add(r.name()));

    for (String name : names) {
      List<String> lines = Text.wrap(name, fm, SummaryPlot.GROUP - 8);
      assertThat(String.join(" ", lines)).isEqualTo(name);
      assertThat(lines).allMatch(l -> fm.stringWidth(l) <= SummaryPlot.GROUP - 8);
    }
    assertThat(Text.wrap("SKAB IF (raw points)", fm, SummaryPlot.GROUP - 8)).hasSize(2);
  }

  @Test
  void this_runs_detector_has_an_anomaly_free_bar_and_the_leaderboard_none() {
    BufferedImage image = SummaryPlot.draw(report);
    int ours = SummaryPlot.BARS[3].getRGB() & 0xFFFFFF;
    int pale = SummaryPlot.pale(SummaryPlot.BARS[3]).getRGB() & 0xFFFFFF;
    Rectangle chart = new Rectangle(SummaryPlot.LEFT, SummaryPlot.CHART_TOP,
        SummaryPlot.GROUP * (1 + SummaryRow.LEADERBOARD.size()), SummaryPlot.CHART_H);

    assertThat(pixels(image, chart, ours)).isPositive();
    assertThat(pixels(image, chart, pale)).isZero();
    assertThat(image.getWidth()).isGreaterThanOrEqualTo(chart.x + chart.width);
  }

  @Test
  void the_table_gives_both_halves_and_the_anomaly_free_rate() {
    SkabReport.Totals t = report.totals().get("pca");
    String line = SummaryTable.line(SummaryRow.of("pca", t));

    assertThat(line).startsWith("pca")
        .contains(String.format(java.util.Locale.ROOT, "%.3f", t.firstHalf().f1()))
        .contains(String.format(java.util.Locale.ROOT, "%.3f", t.secondHalf().f1()))
        .endsWith(String.format(java.util.Locale.ROOT, "%.2f", 100 * t.anomalyFree().far()));
    assertThat(t.anomalyFree().far()).isPositive();
    assertThat(SummaryTable.line(SummaryRow.LEADERBOARD.getFirst())).endsWith("-");
  }

  private static int pixels(BufferedImage image, Rectangle r, int rgb) {
    int n = 0;
    for (int x = r.x; x < r.x + r.width; x++) {
      for (int y = r.y; y < r.y + r.height; y++) {
        n += (image.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
      }
    }
    return n;
  }
}
