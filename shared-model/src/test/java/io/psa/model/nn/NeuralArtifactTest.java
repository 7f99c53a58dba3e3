package io.psa.model.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.psa.model.Detector;
import io.psa.model.DetectorLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The saved form of package-info: exact bytes, round trip, refusal of broken or foreign files. */
class NeuralArtifactTest {

  @TempDir Path dir;

  @Test
  void weight_file_holds_little_endian_float32_values_in_tensor_order() throws IOException {
    TensorFile.write(dir.resolve("w.bin"), List.of(
        new NamedTensor("a", new int[] {1}, new float[] {1.0f}),
        new NamedTensor("b", new int[] {1, 1}, new float[] {-2.0f})));
    assertThat(Files.readAllBytes(dir.resolve("w.bin")))
        .containsExactly(0, 0, (byte) 0x80, 0x3f, 0, 0, 0, (byte) 0xc0);
  }

  @Test
  void both_detectors_load_back_through_the_service_loader_with_identical_scores() throws IOException {
    double[][] rows = RandomModels.rows(40, 6, 1);
    for (Detector saved : List.of(RandomModels.autoencoder(6, 2), RandomModels.lstm(6, 3, 5, 2))) {
      Path sub = Files.createDirectory(dir.resolve(saved.kind()));
      Detector loaded = loader(saved.kind()).load(sub, saved.save(sub));
      assertThat(loaded.score(rows)).isEqualTo(saved.score(rows));
      assertThat(loaded.contributions(rows)).isDeepEqualTo(saved.contributions(rows));
    }
  }

  @Test
  void saved_parameters_describe_the_lstm_architecture() throws IOException {
    Map<String, Object> params = RandomModels.lstm(6, 3, 5, 2).save(dir);
    assertThat(params).containsEntry("format", "psa-nn/1").containsEntry("weights_file", "weights.bin")
        .containsEntry("inputs", 6).containsEntry("hidden_size", 3).containsEntry("sequence_length", 5);
    assertThat(params.get("tensors").toString()).isEqualTo(
        "[{name=lstm.weight_ih, shape=[12, 6]}, {name=lstm.weight_hh, shape=[12, 3]}, "
            + "{name=lstm.bias_ih, shape=[12]}, {name=lstm.bias_hh, shape=[12]}, "
            + "{name=output.weight, shape=[6, 3]}, {name=output.bias, shape=[6]}]");
    assertThat(Files.size(dir.resolve("weights.bin"))).isEqualTo(4L * (72 + 36 + 12 + 12 + 18 + 6));
  }

  @Test
  void refuses_a_truncated_weight_file() throws IOException {
    Map<String, Object> params = RandomModels.autoencoder(6, 2).save(dir);
    byte[] bytes = Files.readAllBytes(dir.resolve("weights.bin"));
    Files.write(dir.resolve("weights.bin"), java.util.Arrays.copyOf(bytes, bytes.length - 4));
    assertThatThrownBy(() -> loader("autoencoder").load(dir, params))
        .isInstanceOf(IOException.class).hasMessageContaining("bytes");
  }

  @Test
  void refuses_parameters_whose_tensors_do_not_fit_the_architecture() throws IOException {
    Map<String, Object> params = new HashMap<>(RandomModels.lstm(6, 3, 5, 2).save(dir));
    params.put("hidden_size", 4);
    assertThatThrownBy(() -> loader("lstm").load(dir, params))
        .isInstanceOf(IOException.class).hasMessageContaining("'tensors'");
  }

  @Test
  void refuses_an_unknown_format_and_a_weight_file_elsewhere_naming_the_key() throws IOException {
    Map<String, Object> params = new HashMap<>(RandomModels.autoencoder(6, 2).save(dir));
    params.put("format", "psa-nn/9");
    assertThatThrownBy(() -> loader("autoencoder").load(dir, params))
        .isInstanceOf(IOException.class).hasMessageContaining("'format'").hasMessageContaining("psa-nn/9");
    params.put("format", "psa-nn/1");
    params.put("weights_file", "../other.bin");
    assertThatThrownBy(() -> loader("autoencoder").load(dir, params))
        .isInstanceOf(IOException.class).hasMessageContaining("'weights_file'");
  }

  private static DetectorLoader loader(String kind) {
    return ServiceLoader.load(DetectorLoader.class).stream().map(ServiceLoader.Provider::get)
        .filter(l -> l.kind().equals(kind)).findFirst().orElseThrow();
  }
}
