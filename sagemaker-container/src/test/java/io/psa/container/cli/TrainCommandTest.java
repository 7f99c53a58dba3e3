package io.psa.container.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.psa.model.artifact.ArtifactReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code psa train} and {@code psa score}, run in-process on simulated files. */
class TrainCommandTest {

  @TempDir static Path tmp;
  static Path data;

  @BeforeAll
  static void simulate_two_signals() {
    data = tmp.resolve("data");
    assertThat(data.toFile().mkdirs()).isTrue();
    assertThat(Cli.run("simulate", "--duration", "1m", "--seed", "1",
        "--output", data.resolve("a.csv").toString()).status()).isZero();
    assertThat(Cli.run("simulate", "--duration", "1m", "--seed", "2", "--format", "jsonl",
        "--output", data.resolve("b.jsonl").toString()).status()).isZero();
  }

  @Test
  void trains_on_a_folder_of_signals_and_prints_the_summary() throws Exception {
    Path model = tmp.resolve("model-pca");
    var r = Cli.run("train", "--data", data.toString(), "--detector", "pca", "--out",
        model.toString(), "--seed", "5", "--name", "press-7");

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("2 signal(s), 12000 rows, 444 windows")
        .contains("training raw scores: p50").contains("window threshold: 0.99")
        .contains("slow channels (level not modelled): temperature").contains("time:");
    var loaded = ArtifactReader.read(model);
    assertThat(loaded.model().info().name()).isEqualTo("press-7");
    assertThat(loaded.manifest().training().seed()).isEqualTo(5);
    assertThat(loaded.manifest().training().files()).extracting(f -> f.name())
        .containsExactly("a.csv", "b.jsonl");
    assertThat(loaded.manifest().training().files().get(0).sha256()).hasSize(64);
  }

  @Test
  void a_config_files_detector_holds_unless_the_option_is_given() throws Exception {
    Path config = tmp.resolve("pca.json");
    Files.writeString(config, "{\"detector\": \"pca\"}");
    Path fromFile = tmp.resolve("model-config-pca");
    Path overridden = tmp.resolve("model-config-if");

    var r = Cli.run("train", "--data", data.resolve("a.csv").toString(), "--config",
        config.toString(), "--out", fromFile.toString());
    var o = Cli.run("train", "--data", data.resolve("a.csv").toString(), "--config",
        config.toString(), "--detector", "if", "-P", "if_trees=20", "--out", overridden.toString());

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(o.status()).as(o.err()).isZero();
    assertThat(ArtifactReader.read(fromFile).manifest().detector().kind()).isEqualTo("pca");
    assertThat(ArtifactReader.read(overridden).manifest().detector().kind())
        .isEqualTo("isolation_forest");
  }

  @Test
  void score_prints_the_predict_response_of_a_file() throws Exception {
    Path model = tmp.resolve("model-if");
    assertThat(Cli.run("train", "--data", data.resolve("a.csv").toString(), "--detector", "if",
        "--out", model.toString(), "-P", "if_trees=20").status()).isZero();
    Path input = tmp.resolve("ten-seconds.json");
    assertThat(Cli.run("simulate", "--duration", "10s", "--seed", "9", "--format", "predict",
        "--anomaly", "spike:2s:3s:pressure", "--output", input.toString()).status()).isZero();

    var r = Cli.run("score", "--model", model.toString(), "--input", input.toString());

    assertThat(r.status()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.path("model").path("detector").asText()).isEqualTo("isolation_forest");
    assertThat(json.path("details").path("window_scores")).hasSize(37);
    assertThat(json.path("details").path("feature_vector_sample")).hasSize(24);
    assertThat(json.path("anomaly_score").asDouble()).isBetween(0.0, 1.0);
    assertThat(json.path("details").path("diagnostics").path("top_features")).hasSize(5);
  }

  @Test
  void an_unknown_detector_is_invalid_input_naming_the_key() {
    var r = Cli.run("train", "--data", data.toString(), "--detector", "svm", "--out",
        tmp.resolve("never").toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("config.detector").contains("unknown detector \"svm\"");
    assertThat(Files.exists(tmp.resolve("never"))).isFalse();
  }

  @Test
  void a_tampered_model_is_refused_by_score() throws Exception {
    Path model = tmp.resolve("model-tampered");
    assertThat(Cli.run("train", "--data", data.resolve("a.csv").toString(), "--detector", "pca",
        "--out", model.toString()).status()).isZero();
    Files.write(model.resolve("pca.bin"), new byte[] {1, 2, 3});
    var r = Cli.run("score", "--model", model.toString(), "--input",
        data.resolve("a.csv").toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("pca.bin failed its integrity check");
  }
}
