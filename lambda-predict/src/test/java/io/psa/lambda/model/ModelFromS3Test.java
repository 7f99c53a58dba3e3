package io.psa.lambda.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.psa.dsp.sim.SensorSimulator;
import io.psa.dsp.sim.SimulationSpec;
import io.psa.lambda.testing.S3Mock;
import io.psa.model.Prediction;
import io.psa.model.artifact.ArtifactIntegrityException;
import io.psa.model.scoring.ModelScorer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * PSA_MODEL_S3_URI through the real SDK against S3Mock: a model.tar.gz as {@code tar} makes it
 * (SageMaker's layout: {@code ./manifest.json} ...), a prefix holding the directory, and refusals.
 */
class ModelFromS3Test {
  private static final Path PACKAGED = Path.of("target/classes/io/psa/lambda/default-model");
  private static S3Client s3;
  private static String bucket;
  private static Prediction expected;

  @BeforeAll
  static void start() throws Exception {
    S3Mock mock = S3Mock.shared();
    s3 = mock.client();
    bucket = mock.bucket(s3);
    expected = score(ModelScorer.load(PACKAGED));
  }

  private static Prediction score(ModelScorer m) {
    return m.score(new SensorSimulator(SimulationSpec.of(10_000).withSeed(5)).generate(), null, "r");
  }

  /** {@code tar -czf out -C dir .} with {@code tarOptions} first, as a user would pack a model. */
  static Path tarGz(Path dir, Path out, String... tarOptions) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("tar"));
    cmd.addAll(List.of(tarOptions));
    cmd.addAll(List.of("-czf", out.toString(), "-C", dir.toString(), "."));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    assertThat(p.waitFor()).as(new String(p.getInputStream().readAllBytes())).isZero();
    return out;
  }

  @Test
  void a_model_tar_gz_as_sagemaker_writes_it_loads_and_scores_as_the_directory(@TempDir Path tmp)
      throws Exception {
    for (String format : List.of("--format=gnu", "--format=pax")) {
      Path archive = tarGz(PACKAGED, tmp.resolve("model" + format.length() + ".tar.gz"), format);
      String key = "models/default/" + format.substring(9) + "/model.tar.gz";
      s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(archive));

      ModelScorer loaded = ModelLoader.load("s3://" + bucket + "/" + key, s3);
      assertThat(score(loaded).windows()).isEqualTo(expected.windows());
    }
  }

  @Test
  void a_prefix_holding_the_model_directory_loads_with_or_without_the_slash() throws Exception {
    try (Stream<Path> files = Files.list(PACKAGED)) {
      for (Path f : files.toList()) {
        s3.putObject(b -> b.bucket(bucket).key("models/dir/v1/" + f.getFileName()), RequestBody.fromFile(f));
      }
    }
    assertThat(score(ModelLoader.load("s3://" + bucket + "/models/dir/v1/", s3)).windows())
        .isEqualTo(expected.windows());
    assertThat(score(ModelLoader.load("s3://" + bucket + "/models/dir/v1", s3)).anomalyScore())
        .isEqualTo(expected.anomalyScore());
  }

  @Test
  void an_isolation_forest_model_loads_too_its_backend_is_in_the_jar(@TempDir Path tmp) throws Exception {
    var settings = io.psa.model.training.TrainingSettings.fromMap(java.util.Map.of(
        "detector", "isolation_forest", "if_trees", "20", "model_version", "f1"));
    var signal = io.psa.model.training.SignalSource.of("normal",
        new SensorSimulator(SimulationSpec.of(180_000).withSeed(3)).generate());
    Path dir = tmp.resolve("forest");
    new io.psa.model.training.ModelTrainer(settings, io.psa.model.training.TrainingListener.NONE, "t")
        .trainTo(List.of(signal), dir);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        s3.putObject(b -> b.bucket(bucket).key("models/forest/f1/" + f.getFileName()), RequestBody.fromFile(f));
      }
    }

    ModelScorer forest = ModelLoader.load("s3://" + bucket + "/models/forest/f1/", s3);
    assertThat(forest.model().detector()).isEqualTo("isolation_forest");
    assertThat(score(forest).windows()).hasSize(expected.windows().size());
  }

  @Test
  void a_tampered_archive_is_refused_naming_the_file(@TempDir Path tmp) throws Exception {
    Path copy = tmp.resolve("model");
    Files.createDirectories(copy);
    try (Stream<Path> files = Files.list(PACKAGED)) {
      for (Path f : files.toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    Path detector = copy.resolve("pca.bin"); // the default model's detector file
    byte[] bytes = Files.readAllBytes(detector);
    bytes[bytes.length / 2] ^= 1;
    Files.write(detector, bytes);
    s3.putObject(b -> b.bucket(bucket).key("models/bad/model.tar.gz"),
        RequestBody.fromFile(tarGz(copy, tmp.resolve("bad.tar.gz"))));

    assertThatThrownBy(() -> ModelLoader.load("s3://" + bucket + "/models/bad/model.tar.gz", s3))
        .isInstanceOf(ArtifactIntegrityException.class).hasMessageContaining("pca.bin");
  }

  @Test
  void a_missing_model_and_an_empty_prefix_are_refused_clearly() {
    assertThatThrownBy(() -> ModelLoader.load("s3://" + bucket + "/models/none/model.tar.gz", s3))
        .isInstanceOf(NoSuchKeyException.class);
    assertThatThrownBy(() -> ModelLoader.load("s3://" + bucket + "/models/none/", s3))
        .hasMessageContaining("no objects under s3://" + bucket + "/models/none/");
    assertThatThrownBy(() -> ModelLoader.load("https://example.com/model.tar.gz", s3))
        .hasMessageContaining("PSA_MODEL_S3_URI must look like s3://bucket/key");
  }
}
