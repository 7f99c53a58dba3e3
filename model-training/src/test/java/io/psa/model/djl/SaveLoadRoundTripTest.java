package io.psa.model.djl;

import static org.assertj.core.api.Assertions.assertThat;

import io.psa.model.Detector;
import io.psa.model.Detectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trained detectors saved and loaded back through the loader {@link Detectors} finds by kind (the
 * path the artifact reader takes) score bit-identically, with their parameters passed through
 * JSON-like values as the manifest gives them.
 */
class SaveLoadRoundTripTest {

  static SimulatedWindows data;

  @TempDir Path dir;

  @BeforeAll
  static void simulate() {
    data = SimulatedWindows.of(300_000, 120_000);
  }

  @Test
  void saved_autoencoder_loads_to_bit_identical_scores() throws IOException {
    assertRoundTrip(new AutoencoderTrainer().fit(data.train(), Map.of("ae_epochs", "3"), 1));
  }

  @Test
  void saved_lstm_loads_to_bit_identical_scores() throws IOException {
    assertRoundTrip(new LstmTrainer().fit(data.train(), Map.of("lstm_epochs", "2"), 1));
  }

  private void assertRoundTrip(Detector trained) throws IOException {
    Map<String, Object> params = trained.save(dir);
    Detector loaded = Detectors.loader(trained.kind()).load(dir, asJson(params));

    assertThat(loaded.kind()).isEqualTo(trained.kind());
    assertThat(loaded.score(data.test())).isEqualTo(trained.score(data.test()));
    assertThat(loaded.contributions(data.test())).isDeepEqualTo(trained.contributions(data.test()));
    assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList()).containsExactly("weights.bin");
  }

  /** Numbers as a JSON parser returns them (doubles), lists and maps copied: nothing shared. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> asJson(Map<String, Object> params) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    params.forEach((k, v) -> out.put(k, json(v)));
    return out;
  }

  private static Object json(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof List<?> l) {
      return l.stream().map(SaveLoadRoundTripTest::json).toList();
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new java.util.LinkedHashMap<>();
      m.forEach((k, x) -> out.put((String) k, json(x)));
      return out;
    }
    return v;
  }
}
