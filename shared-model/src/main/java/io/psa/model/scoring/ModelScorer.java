package io.psa.model.scoring;

import io.psa.dsp.FeatureMatrix;
import io.psa.dsp.Pipeline;
import io.psa.dsp.PipelineConfig;
import io.psa.dsp.SensorBatch;
import io.psa.dsp.ValidationException;
import io.psa.model.BatchScorer;
import io.psa.model.ModelInfo;
import io.psa.model.Prediction;
import io.psa.model.artifact.ArtifactReader;
import io.psa.model.artifact.TrainedModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Scores batches with one trained model: pipeline, scaler, detector, calibration, then the
 * {@link Prediction} of API.md with the diagnostics of the highest-scoring window. Immutable and
 * thread-safe (the pipeline keeps per-thread buffers; detectors are immutable).
 */
public final class ModelScorer implements BatchScorer {

  private final TrainedModel model;
  private final Pipeline pipeline;

  /** Wraps a model in memory (fresh from training or loaded). */
  public ModelScorer(TrainedModel model) {
    this.model = model;
    this.pipeline = new Pipeline(model.config(), model.channels());
    if (!pipeline.featureNames().equals(model.featureNames())) {
      throw new IllegalArgumentException("the model's feature names " + model.featureNames()
          + " differ from its pipeline's " + pipeline.featureNames());
    }
  }

  /** Loads and verifies an artifact directory (see {@link ArtifactReader#read}). */
  public static ModelScorer load(Path dir) throws IOException {
    return new ModelScorer(ArtifactReader.read(dir).model());
  }

  /** The model behind this scorer. */
  public TrainedModel trainedModel() {
    return model;
  }

  @Override
  public List<String> channels() {
    return model.channels();
  }

  @Override
  public PipelineConfig config() {
    return model.config();
  }

  @Override
  public ModelInfo model() {
    return model.info();
  }

  /** The calibrated threshold: a window scoring at or above it is anomalous. */
  public double threshold() {
    return model.calibration().threshold();
  }

  /** Calibrated scores of unscaled feature rows (for evaluation on streamed features). */
  public double[] scoreFeatures(double[][] featureRows) {
    return model.calibration().apply(model.detector().score(model.scaler().transform(featureRows)));
  }

  /**
   * Scores one batch: every window's calibrated score and flag, the largest as the batch's score,
   * the top window's raw features and what drove its score.
   *
   * @param assetId echoed in the prediction, may be null
   * @param requestId the answer's id, or null for a random UUID
   * @throws ValidationException for input the pipeline rejects (ordering, gaps, too little data)
   */
  @Override
  public Prediction score(SensorBatch batch, String assetId, String requestId) {
    FeatureMatrix features = pipeline.process(batch);
    double[][] scaled = model.scaler().transform(features.rows());
    double[] scores = model.calibration().apply(model.detector().score(scaled));
    double threshold = threshold();
    List<Prediction.Window> windows = new ArrayList<>(scores.length);
    int top = 0;
    for (int i = 0; i < scores.length; i++) {
      windows.add(new Prediction.Window(features.windowStartMs()[i], features.windowEndMs()[i],
          scores[i], scores[i] >= threshold));
      if (scores[i] > scores[top]) {
        top = i;
      }
    }
    Map<String, Double> sample = new LinkedHashMap<>();
    for (int j = 0; j < features.featureNames().size(); j++) {
      sample.put(features.featureNames().get(j), features.rows()[top][j]);
    }
    double[] contributions = model.detector().contributions(new double[][] {scaled[top]})[0];
    return new Prediction(
        requestId != null ? requestId : UUID.randomUUID().toString(),
        assetId,
        model.info(),
        scores[top],
        scores[top] >= threshold,
        threshold,
        List.copyOf(windows),
        sample,
        Diagnostics.shares(features.featureNames(), contributions),
        batch.size(),
        batch.tsMs()[0],
        batch.tsMs()[batch.size() - 1]);
  }
}
