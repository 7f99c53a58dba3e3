package io.psa.model.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.psa.dsp.SensorBatch;
import io.psa.dsp.input.SignalFiles;
import io.psa.dsp.input.SignalReader;
import io.psa.model.Prediction;
import io.psa.model.scoring.ModelScorer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A model saved by an earlier build (format version 1, committed under
 * {@code src/test/resources/io/psa/model/artifact/fixture-v1}, written by {@link FixtureGenerator})
 * keeps loading and keeps giving the scores it gave then.
 */
class FixtureArtifactTest {

  private static Path fixture() throws Exception {
    return Path.of(FixtureArtifactTest.class.getResource("fixture-v1/expected.json").toURI())
        .getParent();
  }

  @Test
  void the_committed_version_1_artifact_loads_and_scores_as_when_it_was_saved() throws Exception {
    Path dir = fixture();
    ModelScorer scorer = ModelScorer.load(dir.resolve("model"));
    SensorBatch input;
    try (SignalReader reader = SignalFiles.open(dir.resolve("input.csv"), scorer.channels())) {
      input = reader.readAll();
    }
    Prediction p = scorer.score(input, null, "fixture");
    JsonNode expected = new ObjectMapper().readTree(dir.resolve("expected.json").toFile());

    assertThat(scorer.model().version()).isEqualTo("fixture-v1");
    assertThat(p.threshold()).isEqualTo(expected.path("threshold").asDouble());
    assertThat(p.windows()).hasSize(expected.path("window_scores").size());
    for (int i = 0; i < p.windows().size(); i++) {
      // the pipeline agrees with scipy to 1e-9, so a scipy-faithful rewrite may move the last digits
      assertThat(p.windows().get(i).score())
          .isCloseTo(expected.path("window_scores").get(i).asDouble(), within(1e-9));
    }
    assertThat(p.anomalyScore()).isCloseTo(expected.path("anomaly_score").asDouble(), within(1e-9));
    assertThat(p.isAnomaly()).isTrue();
  }
}
