package io.psa.container.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.psa.container.evaluate.TinySkab;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code psa evaluate} on a tiny SKAB-shaped folder: what it writes, where, in which columns. */
class EvaluateCommandTest {

  @TempDir static Path dir;
  static Path out;
  static Cli.Result result;

  @BeforeAll
  static void evaluate() throws IOException {
    Path skab = dir.resolve("skab");
    TinySkab.file(skab, "0", 150, 100, 130, 1);
    TinySkab.file(skab, "1", 140, 90, 140, 2);
    Path config = TinySkab.config(dir, "[{\"name\": \"pca\"}, {\"name\": \"isolation_forest\","
        + " \"settings\": {\"if_sample_size\": \"32\", \"if_trees\": \"50\"}}]");
    out = dir.resolve("out");
    result = Cli.run("evaluate", "--skab", skab.toString(), "--out", out.toString(),
        "--config", config.toString());
  }

  @Test
  void writes_one_prediction_file_per_detector_and_experiment_with_every_test_row() throws IOException {
    assertThat(result.status()).as(result.err()).isZero();
    for (String detector : List.of("pca", "isolation_forest")) {
      List<String> lines = Files.readAllLines(out.resolve(detector).resolve("g").resolve("0.csv"));
      assertThat(lines.getFirst()).isEqualTo("datetime;anomaly");
      assertThat(lines).hasSize(1 + 150 - 60);
      assertThat(lines.get(1)).isEqualTo(TinySkab.datetime(60) + ";0");
      assertThat(lines.getLast()).startsWith(TinySkab.datetime(149) + ";");
      assertThat(lines.subList(1, lines.size())).allMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d;[01]"));
      assertThat(Files.readAllLines(out.resolve(detector).resolve("g").resolve("1.csv")))
          .hasSize(1 + 140 - 60);
    }
  }

  @Test
  void summary_json_holds_the_figures_per_detector_and_per_file() throws IOException {
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    JsonNode pca = summary.at("/detectors/pca");

    long tp = pca.get("tp").asLong();
    long fp = pca.get("fp").asLong();
    long fn = pca.get("fn").asLong();
    long tn = pca.get("tn").asLong();
    assertThat(tp + fp + fn + tn).isEqualTo((150 - 60) + (140 - 60));
    assertThat(tp + fn).isEqualTo(30 + 50);
    assertThat(pca.get("f1").asDouble()).isEqualTo(tp / (tp + (fn + fp) / 2.0));
    assertThat(pca.get("far").asDouble()).isEqualTo((double) fp / (fp + tn));
    assertThat(pca.get("mar").asDouble()).isEqualTo((double) fn / (fn + tp));
    assertThat(pca.get("files")).extracting(f -> f.get("file").asText()).containsExactly("g/0", "g/1");
    assertThat(summary.at("/config/name").asText()).isEqualTo("tiny");
    assertThat(summary.get("failures").isEmpty()).isTrue();
  }

  @Test
  void draws_a_readable_picture_per_file_and_a_summary_page() throws IOException {
    BufferedImage file = ImageIO.read(out.resolve("plots").resolve("g").resolve("0.png").toFile());
    BufferedImage summary = ImageIO.read(out.resolve("summary.png").toFile());

    assertThat(file.getWidth()).isEqualTo(1200);
    assertThat(file.getHeight()).isGreaterThan(3 * 130); // the signal and one panel per detector
    assertThat(summary.getWidth()).isGreaterThanOrEqualTo(1000);
  }

  @Test
  void prints_the_figures_per_detector() {
    assertThat(result.out()).contains("detector").contains("pca").contains("isolation_forest");
  }

  @Test
  void an_unknown_detector_is_a_usage_error_listing_the_known_ones() {
    Cli.Result r = Cli.run("evaluate", "--skab", dir.resolve("skab").toString(), "--out",
        dir.resolve("out2").toString(), "--detector", "nope");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("nope").contains("pca");
  }
}
