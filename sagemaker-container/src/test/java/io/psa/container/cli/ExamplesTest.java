package io.psa.container.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The repository's {@code examples/} folder works as the README uses it. */
class ExamplesTest {
  private static final Path EXAMPLES = Path.of("").toAbsolutePath().getParent().resolve("examples");

  @Test
  void the_example_body_and_settings_give_five_windows_of_the_four_default_channels() throws Exception {
    Cli.Result r = Cli.run("features", "--input", EXAMPLES.resolve("predict-body.json").toString(),
        "--config", EXAMPLES.resolve("pipeline-config.json").toString());

    assertThat(r.status()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("feature_names")).hasSize(24);
    // 3 s at 50 ms = 60 samples; 1 s windows hopping by 500 ms: 0-950, 500-1450, ..., 2000-2950
    assertThat(json.get("window_spans_ms")).hasSize(5);
    assertThat(json.get("window_spans_ms").get(4).toString()).isEqualTo("[2000,2950]");
  }

  @Test
  void the_example_body_is_the_documented_simulation() throws Exception {
    Cli.Result r = Cli.run("simulate", "--duration", "3s", "--format", "predict", "--asset-id",
        "press-07", "--anomaly", "spike:1500ms:500ms:pressure");

    assertThat(r.out().strip()).isEqualTo(
        java.nio.file.Files.readString(EXAMPLES.resolve("predict-body.json")).strip());
  }
}
