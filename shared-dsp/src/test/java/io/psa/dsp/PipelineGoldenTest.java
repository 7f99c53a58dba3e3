package io.psa.dsp;

import static io.psa.dsp.testing.Tolerance.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.psa.dsp.testing.Golden;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every number of every pipeline reference: the golden files of shared/golden and the extra
 * configurations of {@code src/test/python/make_references.py} (5 ms in, order 6 at 20 Hz with
 * the Kalman step; the low-pass off; order 9 at 3 Hz).
 */
class PipelineGoldenTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "pipeline-default-10s.json", "pipeline-default-jitter-spike.json", "pipeline-kalman.json",
      "ref-pipeline-custom.json", "ref-pipeline-lowpass-off.json", "ref-pipeline-order9.json"})
  void reproduces_every_intermediate_step_and_feature(String file) {
    JsonNode golden = Golden.load(file);
    Pipeline pipeline = new Pipeline(Golden.config(golden), Golden.strings(golden.get("channels")));

    PipelineTrace trace = pipeline.trace(Golden.batch(golden));

    assertThat(pipeline.featureNames()).isEqualTo(Golden.strings(golden.get("feature_names")));
    assertClose(Golden.doubles(golden.get("grid_ts_ms")), trace.gridTsMs(), "grid_ts_ms");
    // in pipeline-kalman.json this is after the Kalman step too (checked against scipy by hand)
    assertClose(Golden.doubles(golden.get("filtered_first_channel")), trace.filteredFirstChannel(),
        "filtered_first_channel");
    assertClose(Golden.doubles(golden.get("downsampled_ts_ms")), trace.downsampledTsMs(),
        "downsampled_ts_ms");
    FeatureMatrix features = trace.features();
    double[][] spans = Golden.matrix(golden.get("window_spans_ms"));
    assertThat(features.windowCount()).isEqualTo(spans.length);
    for (int i = 0; i < spans.length; i++) {
      assertClose(spans[i], new long[] {features.windowStartMs()[i], features.windowEndMs()[i]},
          "window_spans_ms[" + i + "]");
    }
    assertClose(Golden.matrix(golden.get("features")), features.rows(), "features");
  }

  @ParameterizedTest
  @ValueSource(strings = {"pipeline-default-10s.json", "ref-pipeline-custom.json"})
  void process_gives_the_same_features_as_trace_and_repeats_them_exactly(String file) {
    JsonNode golden = Golden.load(file);
    Pipeline pipeline = new Pipeline(Golden.config(golden), Golden.strings(golden.get("channels")));
    SensorBatch batch = Golden.batch(golden);

    double[][] first = pipeline.process(batch).rows();
    double[][] again = pipeline.process(batch).rows();

    assertThat(again).isDeepEqualTo(first);
    assertThat(pipeline.trace(batch).features().rows()).isDeepEqualTo(first);
  }
}
