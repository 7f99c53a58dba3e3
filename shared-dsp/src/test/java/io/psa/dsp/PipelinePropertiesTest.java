package io.psa.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import io.psa.dsp.input.PredictRequest;
import io.psa.dsp.input.PredictRequestReader;
import io.psa.dsp.testing.BatchText;
import io.psa.dsp.testing.Batches;
import io.psa.dsp.testing.Tolerance;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Property (d): the pipeline on generated input, read through the {@code /predict} body as the API
 * does. Feature columns per channel: rms, kurtosis, spectral_energy, zcr, mean, ptp.
 */
class PipelinePropertiesTest {
  private static final int RMS = 0, KURTOSIS = 1, ENERGY = 2, ZCR = 3, MEAN = 4, PTP = 5;
  private static final int FEATURES = 6;

  @Property(tries = 200)
  void a_constant_signal_without_the_low_pass_gives_exactly_constant_features(
      @ForAll @DoubleRange(min = -1e6, max = 1e6) double c, @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    PipelineConfig config = RandomConfigs.next(random, false);
    SensorBatch batch = Batches.constant(Batches.CHANNELS, random.nextLong(-1_000_000, 1_000_000),
        config.inputPeriodMs(), RandomConfigs.enoughRecords(config), c);
    PipelineTrace trace = new Pipeline(config, Batches.CHANNELS).trace(batch);
    for (double v : trace.filteredFirstChannel()) {
      assertThat(v).isEqualTo(c); // interpolation and the Kalman step keep a constant exactly
    }
    int w = config.windowSamples();
    for (double[] row : trace.features().rows()) {
      for (int ch = 0; ch < Batches.CHANNELS.size(); ch++) {
        int at = ch * FEATURES;
        Tolerance.assertClose(Math.abs(c), row[at + RMS], "rms");
        Tolerance.assertClose(c, row[at + MEAN], "mean");
        assertThat(row[at + KURTOSIS]).isZero();
        assertThat(row[at + ZCR]).isZero(); // every d_i is the same number, so no sign changes
        assertThat(row[at + PTP]).isZero();
        // d is x - mean(x): at most the rounding error of the mean, w times over; summing w
        // equal numbers one by one errs by up to about w ulps (seed 798303467078036646 needed 5)
        assertThat(row[at + ENERGY]).isLessThanOrEqualTo(w * Math.pow(w * Math.ulp(c), 2));
      }
    }
  }

  @Property(tries = 200)
  void a_constant_signal_through_the_low_pass_stays_constant_within_rounding(
      @ForAll @DoubleRange(min = -1e6, max = 1e6) double c, @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    PipelineConfig config = RandomConfigs.next(random, true);
    SensorBatch batch = Batches.constant(Batches.CHANNELS, 0, config.inputPeriodMs(),
        RandomConfigs.enoughRecords(config), c);
    PipelineTrace trace = new Pipeline(config, Batches.CHANNELS).trace(batch);
    for (double v : trace.filteredFirstChannel()) {
      Tolerance.assertClose(c, v, "filtered constant"); // unit DC gain
    }
    for (double[] row : trace.features().rows()) {
      for (int ch = 0; ch < Batches.CHANNELS.size(); ch++) {
        int at = ch * FEATURES;
        Tolerance.assertClose(Math.abs(c), row[at + RMS], "rms");
        Tolerance.assertClose(c, row[at + MEAN], "mean");
        assertThat(row[at + PTP]).isLessThanOrEqualTo(1e-12 * Math.max(1, Math.abs(c)));
        // zcr and kurtosis of the filter's rounding ripple are defined but meaningless: see report
        assertThat(row[at + ZCR]).isBetween(0.0, 1.0);
        assertThat(row[at + KURTOSIS]).isFinite();
      }
    }
  }

  @Property(tries = 50)
  void features_do_not_depend_on_the_order_of_keys_in_the_json_records(@ForAll long seed) {
    SensorBatch batch = Batches.valid(seed, 400);
    PredictRequestReader reader = new PredictRequestReader(Batches.CHANNELS);
    Pipeline pipeline = new Pipeline(PipelineConfig.defaults(), Batches.CHANNELS);
    FeatureMatrix inOrder = pipeline.process(reader.read(BatchText.utf8(BatchText.predictBody(batch))).batch());
    FeatureMatrix shuffled = pipeline.process(reader.read(
        BatchText.utf8(BatchText.predictBody(batch, null, null, new Random(seed)))).batch());
    assertThat(shuffled.rows()).isDeepEqualTo(inOrder.rows());
    assertThat(shuffled.windowStartMs()).isEqualTo(inOrder.windowStartMs());
  }

  @Property(tries = 50)
  void reordering_the_model_s_channels_reorders_the_feature_blocks_only(@ForAll long seed) {
    SensorBatch batch = Batches.valid(seed, 400);
    List<String> reversed = Batches.CHANNELS.reversed();
    byte[] body = BatchText.utf8(BatchText.predictBody(batch));
    FeatureMatrix forward = new Pipeline(PipelineConfig.defaults(), Batches.CHANNELS)
        .process(new PredictRequestReader(Batches.CHANNELS).read(body).batch());
    FeatureMatrix backward = new Pipeline(PipelineConfig.defaults(), reversed)
        .process(new PredictRequestReader(reversed).read(body).batch());
    int n = Batches.CHANNELS.size();
    assertThat(backward.featureNames().subList(0, FEATURES))
        .isEqualTo(forward.featureNames().subList((n - 1) * FEATURES, n * FEATURES));
    for (int r = 0; r < forward.windowCount(); r++) {
      for (int ch = 0; ch < n; ch++) {
        for (int f = 0; f < FEATURES; f++) {
          assertThat(backward.rows()[r][(n - 1 - ch) * FEATURES + f])
              .isEqualTo(forward.rows()[r][ch * FEATURES + f]);
        }
      }
    }
  }

  @Property(tries = 200)
  void any_generated_request_gives_finite_features_or_a_validation_exception(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 1500) int records) {
    SplittableRandom random = new SplittableRandom(seed);
    PipelineConfig config = RandomConfigs.next(random, random.nextBoolean());
    SensorBatch batch = RandomSignals.next(random, records, config);
    String body = BatchText.predictBody(batch, "a", RandomConfigs.json(config));
    FeatureMatrix features;
    try {
      PredictRequest request = new PredictRequestReader(Batches.CHANNELS).read(BatchText.utf8(body));
      PipelineConfig parsed = PipelineConfig.fromMap(request.config());
      assertThat(parsed).isEqualTo(config);
      features = new Pipeline(parsed, Batches.CHANNELS).process(request.batch());
    } catch (ValidationException e) {
      assertThat(e.code()).isIn(ValidationException.Code.TOO_LITTLE_DATA, ValidationException.Code.GAP_TOO_LARGE);
      return;
    }
    assertThat(features.windowCount()).isPositive();
    assertThat(features.featureNames()).hasSize(FEATURES * Batches.CHANNELS.size());
    for (double[] row : features.rows()) {
      for (double v : row) {
        assertThat(v).isFinite();
      }
    }
  }
}
